using System.Text;
using Copilot.Knowledge.Extraction;

namespace Copilot.UnitTests.Knowledge.Extraction;

public sealed class TextExtractorsTests
{
    [Fact]
    public void An_executable_is_an_unsupported_format_that_keeps_its_extension_out_of_the_message()
    {
        var error = Assert.Throws<UnsupportedFormatException>(() => TextExtractors.Default.Extract("setup.exe", new MemoryStream([0x4D, 0x5A])));

        Assert.Equal(".exe", error.Extension);
        Assert.DoesNotContain(".exe", error.Message);
    }

    [Theory]
    [InlineData("a.md"), InlineData("b.MARKDOWN"), InlineData("c.txt"), InlineData("d.HTML"), InlineData("e.htm"), InlineData("f.Pdf"), InlineData("g.docx")]
    public void Supported_extensions_are_recognised_whatever_their_case(string fileName)
    {
        Assert.True(TextExtractors.Default.Supports(fileName));
    }

    [Theory]
    [InlineData("setup.exe"), InlineData("sheet.xlsx"), InlineData("old.doc"), InlineData("no-extension")]
    public void Other_files_are_not_supported(string fileName)
    {
        Assert.False(TextExtractors.Default.Supports(fileName));
    }

    [Fact]
    public void The_extractor_is_chosen_by_extension()
    {
        var html = new MemoryStream(Encoding.UTF8.GetBytes("<h2>费率</h2>"));

        Assert.Equal("## 费率", TextExtractors.Default.Extract("page.HTML", html).Text);
    }
}
