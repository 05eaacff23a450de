using Copilot.Chat;

namespace Copilot.UnitTests.Chat;

public sealed class CitationExtractorTests
{
    private static readonly IReadOnlyList<Copilot.Knowledge.SearchHit> ThreeHits = ChatSamples.Hits(3);

    [Fact]
    public void A_single_marker_cites_that_passage()
    {
        var citation = Assert.Single(CitationExtractor.Extract("适当性管理要求见规定[2]。", ThreeHits));

        Assert.Equal(2, citation.Index);
        Assert.Equal("doc-2", citation.DocumentId);
        Assert.Equal("Title of doc-2", citation.Title);
        Assert.Equal("第2段原文。", citation.Snippet);
    }

    [Fact]
    public void Adjacent_markers_and_full_width_brackets_are_all_read()
    {
        Assert.Equal([1, 2, 3], Indexes("前者[2][3]，后者【1】。"));
    }

    [Fact]
    public void Numbers_outside_the_passages_are_ignored()
    {
        Assert.Equal([3], Indexes("见[0]、[4]、[12]和[3]。"));
    }

    [Fact]
    public void Citations_come_in_passage_order_once_each()
    {
        Assert.Equal([1, 3], Indexes("[3] 先说结论，再看[1]，并回到[3]和【3】。"));
    }

    [Fact]
    public void Text_without_markers_or_with_other_brackets_cites_nothing()
    {
        Assert.Empty(Indexes("没有引用 [a] [ 1 ] (2) [123]。"));
    }

    private static IEnumerable<int> Indexes(string answer) => CitationExtractor.Extract(answer, ThreeHits).Select(c => c.Index);
}
