using Copilot.Knowledge.Chunking;

namespace Copilot.UnitTests.Knowledge.Chunking;

/// <summary>Prose without headings or articles is cut at sentence ends, under the budget, with a small overlap.</summary>
public sealed class StructuredChunkerProseTests
{
    private const int Budget = 120;
    private const int Overlap = 40;
    private static readonly TokenCounter Tokens = TokenCounter.Shared;

    private static readonly string[] ChineseTemplates =
    [
        "提示{0}：基金过往业绩不代表其未来表现。",
        "投资前请阅读第{0}份基金合同！",
        "第{0}号产品的风险等级与您匹配吗？",
        "本材料第{0}页不构成投资建议。",
    ];

    private static readonly string[] ChineseSentences =
        Enumerable.Range(1, 24).Select(i => string.Format(ChineseTemplates[i % ChineseTemplates.Length], i)).ToArray();

    private static readonly string[] EnglishSentences = Enumerable.Range(1, 24)
        .Select(i => $"Note {i} says the fund charges a management fee of {i}.5 percent a year and returns are not guaranteed.")
        .ToArray();

    [Fact]
    public void Chinese_prose_is_cut_at_sentence_ends_under_the_budget()
    {
        var chunks = Chunk(string.Concat(ChineseSentences));

        Assert.True(chunks.Count > 2);
        Assert.All(chunks, c => Assert.True(Tokens.Count(c) <= Budget, $"{Tokens.Count(c)} tokens: {c}"));
        Assert.All(chunks.SelectMany(c => c.Split('\n')), line => Assert.Contains(line, ChineseSentences));
    }

    [Fact]
    public void Chinese_prose_keeps_every_sentence_once_and_in_order()
    {
        var chunks = Chunk(string.Concat(ChineseSentences));

        Assert.Equal(ChineseSentences, ChunkOverlap.Unique(chunks));
    }

    [Fact]
    public void Each_next_chunk_starts_with_the_last_sentences_of_the_previous_within_the_overlap()
    {
        Assert.All(ChineseSentences, s => Assert.True(Tokens.Count(s) <= Overlap, $"test sentence too long to carry: {s}"));
        var chunks = Chunk(string.Concat(ChineseSentences));

        for (var i = 1; i < chunks.Count; i++)
        {
            var carried = ChunkOverlap.Carried(chunks[i - 1], chunks[i]);
            Assert.NotEmpty(carried);
            Assert.True(carried.Sum(Tokens.Count) <= Overlap, $"chunk {i} carries {carried.Sum(Tokens.Count)} tokens");
        }
    }

    [Fact]
    public void English_prose_is_cut_after_a_full_stop_and_space_but_not_inside_a_decimal()
    {
        var chunks = Chunk(string.Join(' ', EnglishSentences));

        Assert.True(chunks.Count > 2);
        Assert.All(chunks, c => Assert.True(Tokens.Count(c) <= Budget, $"{Tokens.Count(c)} tokens: {c}"));
        Assert.All(chunks.SelectMany(c => c.Split('\n')), line => Assert.Contains(line, EnglishSentences));
        Assert.Equal(EnglishSentences, ChunkOverlap.Unique(chunks));
    }

    [Fact]
    public void Short_prose_stays_one_chunk_with_its_text_unchanged()
    {
        var text = string.Concat(ChineseSentences.Take(2));

        var chunk = Assert.Single(new StructuredChunker(Tokens, Budget, Overlap).Chunk("doc", text));

        Assert.Equal(text, chunk.Text);
        Assert.Equal("", chunk.Section);
    }

    private static List<string> Chunk(string text) =>
        new StructuredChunker(Tokens, Budget, Overlap).Chunk("doc", text).Select(c => c.Text).ToList();
}
