using Copilot.Knowledge.Chunking;

namespace Copilot.UnitTests.Knowledge.Chunking;

/// <summary>Markdown headings become section paths; the leading H1 is the title.</summary>
public sealed class StructuredChunkerMarkdownTests
{
    private const string Handbook = """
        # Fund Handbook

        Read this before you sell the fund.

        ## Fees

        Subscription fee is 1.2%.

        Fees are charged on the amount subscribed.

        ### Redemption

        Redemption fee is 0.5% within 7 days.

        ## Risks

        Market risk.
        """;

    private static readonly IReadOnlyList<Copilot.Knowledge.KnowledgeChunk> Chunks =
        new StructuredChunker(TokenCounter.Shared, 256, 32).Chunk("handbook", Handbook);

    [Fact]
    public void Headings_give_nested_section_paths()
    {
        Assert.Equal(["", "Fees", "Fees > Redemption", "Risks"], Chunks.Select(c => c.Section));
    }

    [Fact]
    public void The_leading_h1_is_the_title_and_not_part_of_any_path()
    {
        Assert.DoesNotContain(Chunks, c => c.Section.Contains("Fund Handbook", StringComparison.Ordinal));
        Assert.Equal("Fund Handbook", MarkdownBlockParser.Parse(Handbook).Title);
    }

    [Fact]
    public void Paragraphs_of_one_section_are_packed_together_without_the_heading_line()
    {
        Assert.Equal("Subscription fee is 1.2%.\nFees are charged on the amount subscribed.", Chunks[1].Text);
        Assert.Equal("Redemption fee is 0.5% within 7 days.", Chunks[2].Text);
    }

    [Fact]
    public void A_later_h1_is_a_section_not_a_second_title()
    {
        var chunks = new StructuredChunker(TokenCounter.Shared, 256, 32).Chunk("d", "# Title\n\n# Part One\n\nBody text.");

        Assert.Equal("Part One", Assert.Single(chunks).Section);
    }
}
