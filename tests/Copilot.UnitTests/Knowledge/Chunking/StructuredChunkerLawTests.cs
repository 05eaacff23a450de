using Copilot.Knowledge;
using Copilot.Knowledge.Chunking;

namespace Copilot.UnitTests.Knowledge.Chunking;

/// <summary>Chunks the real 2019 Securities Law with the production chunk settings.</summary>
public sealed class StructuredChunkerLawTests
{
    private static readonly KnowledgeOptions Defaults = new();
    private static readonly int Budget = Defaults.ChunkTokens;
    private static readonly TokenCounter Tokens = TokenCounter.Shared;
    private static readonly string Law = File.ReadAllText(TestPaths.Law("证券法-2019.md"));
    private static readonly IReadOnlyList<LawArticle> Articles = LawArticles.Read(Law);
    private static readonly IReadOnlyList<KnowledgeChunk> Chunks =
        new StructuredChunker(Tokens, Budget, Defaults.ChunkOverlapTokens).Chunk("securities-law", Law);

    [Fact]
    public void The_law_has_its_226_articles()
    {
        Assert.Equal(226, Articles.Count);
        Assert.Equal("第一条", Articles[0].Name);
        Assert.Equal("第二百二十六条", Articles[^1].Name);
    }

    [Fact]
    public void Every_article_that_fits_the_budget_is_exactly_one_whole_chunk_under_its_section()
    {
        var fitting = Articles.Where(a => Tokens.Count(a.Text) <= Budget).ToList();
        Assert.True(fitting.Count > 200, $"only {fitting.Count} articles fit {Budget} tokens");

        var wrong = fitting
            .Where(article => Chunks.Count(c => c.Section == article.Section) != 1
                              || Chunks.Single(c => c.Section == article.Section).Text != article.Text)
            .Select(article => article.Section)
            .ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void A_chapter_heading_with_two_spaces_becomes_a_path_with_one()
    {
        var chunk = Assert.Single(Chunks, c => c.Section == "第八章 证券公司 > 第一百三十五条");

        Assert.StartsWith("第一百三十五条 ", chunk.Text);
        Assert.DoesNotContain(Chunks, c => c.Section.Contains("  ", StringComparison.Ordinal));
    }

    [Fact]
    public void Articles_under_a_numbered_section_carry_chapter_section_and_article()
    {
        Assert.Single(Chunks, c => c.Section == "第三章 证券交易 > 第一节 一般规定 > 第三十五条");
    }

    [Fact]
    public void No_chunk_exceeds_the_token_budget_and_each_records_its_real_count()
    {
        Assert.All(Chunks, chunk =>
        {
            var count = Tokens.Count(chunk.Text);
            Assert.True(count <= Budget, $"{chunk.Section}: {count} tokens > {Budget}");
            Assert.Equal(count, chunk.Tokens);
        });
    }

    [Fact]
    public void No_article_is_lost()
    {
        var all = string.Join('\n', Chunks.Select(c => c.Text));

        Assert.All(Articles, article => Assert.Contains(article.Text.Split('\n')[0], all));
    }

    [Fact]
    public void Chunks_are_numbered_in_order_with_ids_derived_from_the_document()
    {
        Assert.Equal(Enumerable.Range(0, Chunks.Count), Chunks.Select(c => c.Ordinal));
        Assert.All(Chunks, c => Assert.Equal($"securities-law#{c.Ordinal:D4}", c.ChunkId));
        Assert.All(Chunks, c => Assert.Equal("securities-law", c.DocumentId));
    }

    [Fact]
    public void An_article_longer_than_the_budget_is_split_into_chunks_that_all_keep_its_section()
    {
        var tooLong = Articles.Where(a => Tokens.Count(a.Text) > Budget).ToList();
        Assert.Contains(tooLong, a => a.Name == "第八十条");

        Assert.All(tooLong, article =>
        {
            var pieces = Chunks.Where(c => c.Section == article.Section).ToList();
            Assert.True(pieces.Count >= 2, $"{article.Section} is in {pieces.Count} chunk(s)");
            Assert.StartsWith(article.Name, pieces[0].Text);
            Assert.All(pieces, p => Assert.True(Tokens.Count(p.Text) <= Budget));
            // Pieces may repeat an overlapping sentence, but together they hold every line of the article.
            var joined = string.Concat(pieces.Select(p => p.Text.Replace("\n", "")));
            Assert.All(article.Text.Split('\n'), line => Assert.Contains(line, joined));
        });
    }
}
