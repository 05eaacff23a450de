using Copilot.Knowledge;
using Copilot.Knowledge.Dictionary;
using Copilot.UnitTests.Knowledge.Index;

namespace Copilot.UnitTests.Knowledge;

/// <summary>Hits spread across documents, and the document-type prior a question's words can ask for.</summary>
public sealed class ResultDiversifierTests
{
    private static SearchHit Hit(string document, int ordinal, double score, DocumentType type = DocumentType.Faq) =>
        new(IndexSamples.Chunk(document, ordinal, $"{document} {ordinal}").Chunk, IndexSamples.Document(document, type), score);

    private static IEnumerable<string> Ids(IEnumerable<SearchHit> hits) => hits.Select(h => h.Chunk.ChunkId);

    [Fact]
    public void No_more_than_two_chunks_of_one_document_while_others_match()
    {
        var ranked = new[] { Hit("faq", 0, 9), Hit("faq", 1, 8), Hit("faq", 2, 7), Hit("faq", 3, 6), Hit("law", 0, 5), Hit("manual", 0, 4), Hit("law", 1, 3) };

        var top = ResultDiversifier.Diversify(ranked, 5, ResultDiversifier.DefaultPerDocument);

        Assert.Equal(["faq#0000", "faq#0001", "law#0000", "manual#0000", "law#0001"], Ids(top));
    }

    [Fact]
    public void A_document_fills_the_places_nothing_else_matches()
    {
        var ranked = new[] { Hit("faq", 0, 9), Hit("faq", 1, 8), Hit("faq", 2, 7), Hit("law", 0, 5), Hit("faq", 3, 4) };

        var top = ResultDiversifier.Diversify(ranked, 5, ResultDiversifier.DefaultPerDocument);

        Assert.Equal(["faq#0000", "faq#0001", "law#0000", "faq#0002", "faq#0003"], Ids(top));
    }

    [Fact]
    public void Fewer_hits_than_places_are_all_returned()
    {
        Assert.Equal(["faq#0000"], Ids(ResultDiversifier.Diversify([Hit("faq", 0, 1)], 5, 2)));
        Assert.Empty(ResultDiversifier.Diversify([], 5, 2));
    }

    [Fact]
    public void A_preferred_type_lifts_a_close_second_but_not_a_far_one()
    {
        var ranked = new[] { Hit("product", 0, 10, DocumentType.Product), Hit("law", 0, 9, DocumentType.Compliance), Hit("faq", 0, 20), Hit("manual", 0, 3, DocumentType.Compliance) };
        var legal = new QueryExpansion([], []) { PreferredTypes = new HashSet<DocumentType> { DocumentType.Compliance } };

        var reranked = DocumentTypePrior.Apply(ranked, legal);

        Assert.Equal(["faq#0000", "law#0000", "product#0000", "manual#0000"], Ids(reranked));
    }

    [Fact]
    public void Without_a_preference_the_ranking_is_untouched()
    {
        var ranked = new[] { Hit("product", 0, 10, DocumentType.Product), Hit("law", 0, 9, DocumentType.Compliance) };

        Assert.Same(ranked, DocumentTypePrior.Apply(ranked, QueryExpansion.None));
    }
}
