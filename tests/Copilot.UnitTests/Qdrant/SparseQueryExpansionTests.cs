using Copilot.Knowledge.Dictionary;
using Copilot.Knowledge.Index.Qdrant;

namespace Copilot.UnitTests.Qdrant;

/// <summary>Qdrant's sparse query carries the domain dictionary's expansions at their weight, as the Lucene query does.</summary>
public sealed class SparseQueryExpansionTests : IDisposable
{
    private readonly SparseTermEncoder _encoder = new();

    private static float WeightOf(string term, (float[] Values, uint[] Indices) vector) =>
        vector.Values[Array.IndexOf(vector.Indices, SparseTermEncoder.TermIndex(term))];

    [Fact]
    public void Expansion_terms_follow_the_questions_own_at_the_entrys_weight()
    {
        var vector = _encoder.ForQuery("fund rules", expansion: new QueryExpansion([new WeightedText("margin trading", 0.7f)], []));

        Assert.Equal(1f, WeightOf("fund", vector));
        Assert.Equal(0.7f, WeightOf("margin", vector));
        Assert.Equal(0.7f, WeightOf("trade", vector));
    }

    [Fact]
    public void A_term_the_question_has_keeps_its_full_weight()
    {
        var vector = _encoder.ForQuery("margin rules", expansion: new QueryExpansion([new WeightedText("margin call", 0.5f)], []));

        Assert.Equal(1f, WeightOf("margin", vector));
        Assert.Equal(0.5f, WeightOf("call", vector));
    }

    [Fact]
    public void Product_codes_count_fully_and_the_cap_holds_with_expansions()
    {
        var vector = _encoder.ForQuery("fee", maxTerms: 8, expansion: new QueryExpansion(
            [new WeightedText(string.Join(' ', Enumerable.Range(0, 50).Select(i => $"word{i}x")), 0.7f)], ["ES4002"]));

        Assert.Equal(8, vector.Indices.Length);
        Assert.Equal(1f, WeightOf("fee", vector));
    }

    public void Dispose() => _encoder.Dispose();
}
