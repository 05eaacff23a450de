using Copilot.Knowledge.Chunking;

namespace Copilot.UnitTests.Knowledge.Chunking;

/// <summary>Markdown tables stay whole in chunks; a table longer than a chunk is cut between rows under its header.</summary>
public sealed class StructuredChunkerTableTests
{
    private static string Table(int rows) =>
        "| 客户等级 | 可购买的产品风险等级 |\n| --- | --- |\n" +
        string.Join('\n', Enumerable.Range(1, rows).Select(i => $"| C{i}（第{i}类客户，适用于风险承受能力第{i}档的普通投资者） | R1至R{i} |"));

    [Fact]
    public void A_table_that_would_straddle_a_chunk_boundary_moves_whole_into_the_next_chunk()
    {
        var prose = string.Join('\n', Enumerable.Range(1, 6).Select(i => $"第{i}段说明文字，介绍适当性匹配的背景和要求，内容较长以便占用预算。"));
        var text = $"## 匹配原则\n\n{prose}\n\n{Table(4)}\n";
        var chunker = new StructuredChunker(TokenCounter.Shared, 200, 0);

        var chunks = chunker.Chunk("manual", text);

        Assert.True(chunks.Count > 1, "the prose and the table together must exceed one chunk");
        var withTable = Assert.Single(chunks, c => c.Text.Contains("| --- | --- |", StringComparison.Ordinal));
        Assert.Contains(Table(4), withTable.Text);
        Assert.All(chunks.Where(c => c != withTable), c => Assert.DoesNotContain("| C", c.Text));
    }

    [Fact]
    public void A_table_longer_than_a_chunk_repeats_its_header_in_every_piece()
    {
        var chunks = new StructuredChunker(TokenCounter.Shared, 120, 0).Chunk("manual", $"## 匹配原则\n\n{Table(12)}\n");

        Assert.True(chunks.Count > 1, $"{chunks.Count} chunk");
        Assert.All(chunks, c => Assert.StartsWith("| 客户等级 | 可购买的产品风险等级 |\n| --- | --- |\n| C", c.Text));
        Assert.All(chunks, c => Assert.True(c.Tokens <= 120, $"{c.Tokens} tokens"));
        Assert.Equal(12, chunks.Sum(c => c.Text.Split('\n').Count(line => line.StartsWith("| C", StringComparison.Ordinal))));
    }
}
