using Copilot.Chat;
using Copilot.Prompts;

namespace Copilot.UnitTests.Chat;

public sealed class PassageFormatterTests
{
    private static readonly DataFence Fence = new("00000000deadbeef");

    [Fact]
    public void Passages_are_numbered_with_title_section_publisher_and_date()
    {
        var prompt = PassageFormatter.ForPrompt(
        [
            ChatSamples.Hit("outlook", "  看好高股息板块。\n", "策略 > 行业", "二季度策略", "示例证券研究所", new DateOnly(2025, 4, 1)),
            ChatSamples.Hit("faq", "R3 为中风险。", title: "常见问题"),
        ], Fence);

        Assert.Equal(
            "<data-00000000deadbeef kind=\"passage\" n=\"1\">\n[1] 《二季度策略》 策略 > 行业 (示例证券研究所, 2025-04-01)\n看好高股息板块。\n</data-00000000deadbeef>\n\n" +
            "<data-00000000deadbeef kind=\"passage\" n=\"2\">\n[2] 《常见问题》\nR3 为中风险。\n</data-00000000deadbeef>", prompt);
    }

    [Fact]
    public void A_publisher_or_date_alone_is_shown_alone()
    {
        Assert.Contains("\n[1] 《T》 (2025-01-02)\n", PassageFormatter.ForPrompt([ChatSamples.Hit("d", "x", title: "T", published: new DateOnly(2025, 1, 2))], Fence));
        Assert.Contains("\n[1] 《T》 (中证协)\n", PassageFormatter.ForPrompt([ChatSamples.Hit("d", "x", title: "T", publisher: "中证协")], Fence));
    }

    [Fact]
    public void No_hits_say_so_in_the_prompt()
    {
        Assert.Equal("(no passages were found)", PassageFormatter.ForPrompt([], Fence));
    }

    [Fact]
    public void A_snippet_longer_than_160_characters_is_cut_with_an_ellipsis()
    {
        var text = new string('甲', 100) + new string('乙', 100);

        var snippet = PassageFormatter.Snippet(text);

        Assert.Equal(new string('甲', 100) + new string('乙', 60) + "…", snippet);
    }

    [Fact]
    public void A_snippet_of_exactly_160_characters_is_kept_whole()
    {
        var text = new string('x', 160);

        Assert.Equal(text, PassageFormatter.Snippet(text));
    }

    [Fact]
    public void A_snippet_flattens_lines_into_one()
    {
        Assert.Equal("第一行 第二行", PassageFormatter.Snippet("  第一行 \n\n 第二行\n"));
    }

    [Fact]
    public void A_citation_carries_the_hit_and_its_snippet()
    {
        var citation = PassageFormatter.ToCitation(4, ChatSamples.Hit("law", new string('字', 200), "第一章 > 第一条", "证券法"));

        Assert.Equal(new Citation(4, "law", "证券法", "第一章 > 第一条", new string('字', 160) + "…", "law#0000"), citation);
    }
}
