using System.Text;
using Copilot.Knowledge.Extraction;

namespace Copilot.UnitTests.Knowledge.Extraction;

public sealed class PlainTextExtractorTests
{
    private static readonly PlainTextExtractor Extractor = new();

    [Fact]
    public void Front_matter_fields_are_read_and_removed_from_the_text()
    {
        var extracted = Extract("---\ntitle: 稳健收益基金说明\nType: product\nsource: https://example.com/a:b\n---\n# 概要\n正文。\n");

        Assert.Equal("# 概要\n正文。", extracted.Text);
        Assert.Equal("稳健收益基金说明", extracted.FrontMatter["title"]);
        Assert.Equal("product", extracted.FrontMatter["type"]);
        Assert.Equal("https://example.com/a:b", extracted.FrontMatter["SOURCE"]);
    }

    [Fact]
    public void Windows_line_endings_are_understood()
    {
        var extracted = Extract("---\r\ntitle: A\r\n---\r\nBody");

        Assert.Equal("A", extracted.FrontMatter["title"]);
        Assert.Equal("Body", extracted.Text);
    }

    [Fact]
    public void A_file_without_a_closing_fence_has_no_front_matter_and_keeps_all_its_text()
    {
        var extracted = Extract("---\ntitle: 未闭合\n正文第一段。");

        Assert.Empty(extracted.FrontMatter);
        Assert.Equal("---\ntitle: 未闭合\n正文第一段。", extracted.Text);
    }

    [Fact]
    public void A_rule_later_in_the_file_is_not_front_matter()
    {
        var extracted = Extract("正文\n---\nkey: value\n---\n");

        Assert.Empty(extracted.FrontMatter);
        Assert.StartsWith("正文", extracted.Text);
    }

    [Fact]
    public void Gb18030_chinese_text_is_decoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "证券投资基金法规定，基金管理人应当履行诚实信用、谨慎勤勉的义务。";
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(text);
        Assert.NotEqual(Encoding.UTF8.GetBytes(text), bytes);

        Assert.Equal(text, Extractor.Extract(new MemoryStream(bytes)).Text);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_not_part_of_the_text()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("---\ntitle: 带BOM\n---\n内容")).ToArray();

        var extracted = Extractor.Extract(new MemoryStream(bytes));

        Assert.Equal("带BOM", extracted.FrontMatter["title"]);
        Assert.Equal("内容", extracted.Text);
    }

    private static ExtractedText Extract(string text) => Extractor.Extract(new MemoryStream(Encoding.UTF8.GetBytes(text)));
}
