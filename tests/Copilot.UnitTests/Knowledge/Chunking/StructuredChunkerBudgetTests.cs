using Copilot.Knowledge.Chunking;

namespace Copilot.UnitTests.Knowledge.Chunking;

/// <summary>Edge cases where packing must still respect the token budget.</summary>
public sealed class StructuredChunkerBudgetTests
{
    private static readonly TokenCounter Tokens = TokenCounter.Shared;

    [Fact]
    public void The_carried_overlap_counts_against_the_budget()
    {
        const string shortSentence = "基金过往业绩不代表其未来表现。";
        const string longSentence = "投资者应当认真阅读基金合同、招募说明书和产品资料概要等法律文件，全面了解基金的风险收益特征，判断基金是否与自身的风险承受能力相适应。";
        Assert.True(Tokens.Count(shortSentence) <= 30);
        Assert.True(Tokens.Count(longSentence) <= 80);
        Assert.True(Tokens.Count(shortSentence) + Tokens.Count(longSentence) > 80);

        var chunks = new StructuredChunker(Tokens, maxTokens: 80, overlapTokens: 30).Chunk("doc", shortSentence + longSentence);

        Assert.All(chunks, c => Assert.True(Tokens.Count(c.Text) <= 80, $"{Tokens.Count(c.Text)} tokens: {c.Text}"));
    }

    [Fact]
    public void Line_breaks_added_between_packed_paragraphs_count_against_the_budget()
    {
        var line = "apple" + string.Concat(Enumerable.Repeat(" apple", 15));
        Assert.Equal(16, Tokens.Count(line));
        var text = string.Join('\n', Enumerable.Repeat(line, 5));

        var chunks = new StructuredChunker(Tokens, maxTokens: 64, overlapTokens: 0).Chunk("doc", text);

        Assert.All(chunks, c => Assert.True(Tokens.Count(c.Text) <= 64, $"{Tokens.Count(c.Text)} tokens"));
    }

    [Fact]
    public void A_sentence_without_punctuation_is_cut_into_pieces_under_the_budget()
    {
        // Cheap English tokens first, expensive rare Chinese characters last: equal character cuts are not equal token cuts.
        var sentence = string.Concat(Enumerable.Repeat("investment ", 40)) + new string('龘', 100);
        Assert.True(Tokens.Count(sentence) > 100);

        var chunks = new StructuredChunker(Tokens, maxTokens: 100, overlapTokens: 0).Chunk("doc", sentence);

        Assert.All(chunks, c => Assert.True(Tokens.Count(c.Text) <= 100, $"{Tokens.Count(c.Text)} tokens"));
    }

    [Fact]
    public void Text_of_only_headings_and_blank_lines_gives_no_chunks()
    {
        Assert.Empty(new StructuredChunker(Tokens, 64, 0).Chunk("doc", "# Title\n\n## Empty\n\n<!-- note -->\n"));
    }
}
