using Copilot.Knowledge.Extraction;

namespace Copilot.UnitTests.Knowledge.Extraction;

public sealed class DocxExtractorTests
{
    private static readonly DocxExtractor Extractor = new();

    [Fact]
    public void Heading_styles_become_markdown_headings_and_other_paragraphs_stay_text()
    {
        var docx = new WordDocumentBuilder()
            .Paragraph("产品概要", "Heading1")
            .Paragraph("本基金为混合型基金。")
            .Paragraph("费率", "Heading2")
            .Paragraph("   ")
            .Paragraph("申购费 1.2%。", "Normal")
            .Build();

        var extracted = Extractor.Extract(docx);

        Assert.Equal("# 产品概要\n\n本基金为混合型基金。\n\n## 费率\n\n申购费 1.2%。", extracted.Text);
    }

    [Fact]
    public void The_title_style_is_a_level_one_heading_and_the_package_title_is_the_title_field()
    {
        var docx = new WordDocumentBuilder().Title("季度策略报告").Paragraph("2025 年二季度策略", "Title").Paragraph("正文").Build();

        var extracted = Extractor.Extract(docx);

        Assert.Equal("# 2025 年二季度策略\n\n正文", extracted.Text);
        Assert.Equal("季度策略报告", extracted.FrontMatter["title"]);
    }

    [Fact]
    public void Headings_saved_by_chinese_word_are_recognised_by_their_style_name()
    {
        var docx = new WordDocumentBuilder()
            .Style("1", "heading 1")
            .Paragraph("产品概要", "1")
            .Paragraph("本基金为混合型基金。")
            .Build();

        Assert.Equal("# 产品概要\n\n本基金为混合型基金。", Extractor.Extract(docx).Text);
    }

    [Fact]
    public void Bytes_that_are_not_a_word_document_are_unreadable()
    {
        var garbage = new MemoryStream("this is not a zip package"u8.ToArray());

        Assert.Throws<UnreadableDocumentException>(() => Extractor.Extract(garbage));
    }
}
