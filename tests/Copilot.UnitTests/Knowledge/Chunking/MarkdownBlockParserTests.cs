using Copilot.Knowledge.Chunking;

namespace Copilot.UnitTests.Knowledge.Chunking;

public sealed class MarkdownBlockParserTests
{
    [Fact]
    public void Chapter_and_section_lines_without_hashes_open_sections()
    {
        var (_, blocks) = MarkdownBlockParser.Parse("第一章 总则\n第一条 为了规范。\n第二节 一般规定\n第二条 适用本法。\n第二章 附则\n第三条 施行。");

        Assert.Equal(["第一章 总则 > 第一条", "第一章 总则 > 第二节 一般规定 > 第二条", "第二章 附则 > 第三条"], blocks.Select(b => b.Section));
        Assert.All(blocks, b => Assert.True(b.IsArticle));
    }

    [Fact]
    public void A_sentence_that_merely_starts_like_a_chapter_is_a_paragraph()
    {
        var (_, blocks) = MarkdownBlockParser.Parse("第一章规定的情形，依照本法处理。");

        var block = Assert.Single(blocks);
        Assert.Equal("", block.Section);
        Assert.False(block.IsArticle);
    }

    [Fact]
    public void An_inserted_article_keeps_its_zhi_suffix()
    {
        var (_, blocks) = MarkdownBlockParser.Parse("## 第三章 交易\n第十条之一 新增条款内容。");

        var block = Assert.Single(blocks);
        Assert.Equal("第三章 交易 > 第十条之一", block.Section);
        Assert.Equal("第十条之一 新增条款内容。", block.Text);
    }

    [Fact]
    public void A_mention_of_an_article_inside_a_line_does_not_start_one()
    {
        var (_, blocks) = MarkdownBlockParser.Parse("第五条 经营者应当遵守规定。\n违反第三条规定的，依法处罚。\n第五条规定的期限为三十日。");

        var block = Assert.Single(blocks);
        Assert.Equal("第五条", block.Section);
        Assert.Equal(3, block.Text.Split('\n').Length);
    }

    [Fact]
    public void Html_comments_are_dropped_even_across_lines()
    {
        var (_, blocks) = MarkdownBlockParser.Parse("前言<!-- 内部备注 -->正文\n<!--\n多行\n备注\n-->\n结尾");

        Assert.Equal("前言正文\n结尾", Assert.Single(blocks).Text);
    }

    [Fact]
    public void An_article_runs_until_the_next_heading_and_later_text_is_outside_it()
    {
        var (_, blocks) = MarkdownBlockParser.Parse("## 第一章 总则\n第一条 甲。\n（一）乙；\n## 附录\n说明文字。");

        Assert.Equal(2, blocks.Count);
        Assert.Equal(new MarkdownBlock("第一章 总则 > 第一条", "第一条 甲。\n（一）乙；", true), blocks[0]);
        Assert.Equal(new MarkdownBlock("附录", "说明文字。", false), blocks[1]);
    }

    [Fact]
    public void A_heading_after_content_is_never_taken_as_the_title()
    {
        var (title, blocks) = MarkdownBlockParser.Parse("Intro line.\n# Late Heading\nBody.");

        Assert.Null(title);
        Assert.Equal(["", "Late Heading"], blocks.Select(b => b.Section));
    }

    [Fact]
    public void A_hash_without_a_space_is_text_and_closing_hashes_are_trimmed()
    {
        var (_, blocks) = MarkdownBlockParser.Parse("## Fees ##\n#hashtag line");

        Assert.Equal(new MarkdownBlock("Fees", "#hashtag line", false), Assert.Single(blocks));
    }
}
