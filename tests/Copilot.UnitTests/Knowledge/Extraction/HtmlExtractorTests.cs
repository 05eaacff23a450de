using System.Text;
using Copilot.Knowledge.Extraction;

namespace Copilot.UnitTests.Knowledge.Extraction;

public sealed class HtmlExtractorTests
{
    private const string Page = """
        <html>
        <head><title>  基金产品页  </title><script>var secret = "script text";</script><style>p { color: red }</style></head>
        <body>
          <nav><a href="/">首页</a> <a href="/about">关于我们</a></nav>
          <h1>稳健收益基金</h1>
          <p>本基金为   混合型基金。</p>
          <h2>费率</h2>
          <ul><li>申购费 <b>1.2%</b></li><li><p>赎回费 0.5%</p></li></ul>
          <h3>赎回</h3>
          <p>持有不满七日收取惩罚性赎回费。</p>
          <script>alert("inline script");</script>
          <footer>版权所有</footer>
        </body>
        </html>
        """;

    private static readonly ExtractedText Extracted = new HtmlExtractor().Extract(new MemoryStream(Encoding.UTF8.GetBytes(Page)));

    [Fact]
    public void Headings_become_markdown_headings_and_blocks_become_paragraphs()
    {
        Assert.Equal(
            "# 稳健收益基金\n\n本基金为 混合型基金。\n\n## 费率\n\n申购费 1.2%\n\n赎回费 0.5%\n\n### 赎回\n\n持有不满七日收取惩罚性赎回费。",
            Extracted.Text);
    }

    [Fact]
    public void Scripts_styles_navigation_and_footers_are_dropped()
    {
        Assert.DoesNotContain("script text", Extracted.Text);
        Assert.DoesNotContain("inline script", Extracted.Text);
        Assert.DoesNotContain("color", Extracted.Text);
        Assert.DoesNotContain("首页", Extracted.Text);
        Assert.DoesNotContain("版权所有", Extracted.Text);
    }

    [Fact]
    public void The_title_element_becomes_the_title_field()
    {
        Assert.Equal("基金产品页", Extracted.FrontMatter["title"]);
    }

    [Fact]
    public void A_page_without_block_elements_falls_back_to_its_body_text()
    {
        var extracted = new HtmlExtractor().Extract(new MemoryStream(Encoding.UTF8.GetBytes("<body><div>只有  div 文本</div></body>")));

        Assert.Equal("只有 div 文本", extracted.Text);
        Assert.Empty(extracted.FrontMatter);
    }
}
