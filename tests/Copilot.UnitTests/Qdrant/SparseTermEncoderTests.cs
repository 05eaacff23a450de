using Copilot.Knowledge.Index.Qdrant;

namespace Copilot.UnitTests.Qdrant;

public sealed class SparseTermEncoderTests : IDisposable
{
    private readonly SparseTermEncoder _encoder = new();

    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    [InlineData("客户", 0x98fefd53u)]
    public void Term_indexes_are_32_bit_fnv1a_of_the_utf8_bytes(string term, uint expected) =>
        Assert.Equal(expected, SparseTermEncoder.TermIndex(term));

    [Fact]
    public void Terms_are_the_copilot_analyzers_stemmed_words_without_stop_words()
    {
        var (_, indices) = _encoder.ForQuery("The running funds");

        Assert.Equal(new[] { SparseTermEncoder.TermIndex("run"), SparseTermEncoder.TermIndex("fund") }.Order(), indices);
    }

    [Fact]
    public void Chinese_text_is_split_into_words()
    {
        var (_, indices) = _encoder.ForQuery("客户风险评估");

        Assert.Contains(SparseTermEncoder.TermIndex("客户"), indices);
        Assert.Contains(SparseTermEncoder.TermIndex("风险"), indices);
    }

    [Fact]
    public void Stored_chunks_weigh_repeated_terms_sublinearly()
    {
        var (values, indices) = _encoder.ForDocument("fund fund fund bond");

        var weights = indices.Zip(values).ToDictionary(term => term.First, term => term.Second);
        Assert.Equal(1f + MathF.Log(3), weights[SparseTermEncoder.TermIndex("fund")], 5);
        Assert.Equal(1f, weights[SparseTermEncoder.TermIndex("bond")]);
    }

    [Fact]
    public void Queries_weigh_each_distinct_term_once()
    {
        var (values, indices) = _encoder.ForQuery("fund fund bond");

        Assert.Equal(2, indices.Length);
        Assert.All(values, value => Assert.Equal(1f, value));
    }

    [Fact]
    public void Indices_are_unique_and_ascending_as_qdrant_expects()
    {
        var (_, indices) = _encoder.ForDocument("Bond yields fall as inflation cools; bond funds gain. 债券收益率下降，债券基金上涨。");

        Assert.Equal(indices.Order().Distinct(), indices);
    }

    [Fact]
    public void A_pasted_paragraph_keeps_only_its_first_distinct_terms()
    {
        // Letters only, so each is one term: "zaaa", "zaab", ...
        static string Word(int i) => $"z{(char)('a' + i / 676)}{(char)('a' + i / 26 % 26)}{(char)('a' + i % 26)}";
        var words = string.Join(' ', Enumerable.Range(0, 500).Select(Word));

        var (values, indices) = _encoder.ForQuery(words, maxTerms: 64);

        Assert.Equal(64, indices.Length);
        Assert.Equal(64, values.Length);
        Assert.Contains(SparseTermEncoder.TermIndex(Word(0)), indices);
        Assert.DoesNotContain(SparseTermEncoder.TermIndex(Word(499)), indices);
    }

    public void Dispose() => _encoder.Dispose();
}
