using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Copilot.EndToEndTests;

/// <summary>The service with the fake OpenAI server as its model, whose replies each test sets.</summary>
public sealed class ModelBrowserSession : BrowserSession
{
    public FakeOpenAiServer OpenAi { get; } = new();

    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.ModelMode(OpenAi);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        OpenAi.Dispose();
    }
}

/// <summary>A model's answer is untrusted Markdown: the workspace renders its tables and lists, and none of its HTML.</summary>
public sealed class ModelAnswerPageTests(ModelBrowserSession session) : IClassFixture<ModelBrowserSession>
{
    private const string Answer = """
        C2 级客户不能买 R3 产品 [1]。

        | 客户风险等级 | 可购买产品 |
        |---|---|
        | C2 | R1、R2 |
        | C3 | R1–R3 |

        - 先做**风险测评**
        - 再看产品 `R` 等级

        <img src="x" onerror="window.__pwned = 'img'"><script>window.__pwned = 'script'</script>
        """;

    [BrowserFact]
    public async Task Tables_and_lists_render_and_html_in_an_answer_stays_text()
    {
        session.OpenAi.Reply = _ => Answer;
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = PageChecks.Desktop });
        var errors = PageChecks.WatchForErrors(page);
        await page.GotoAsync(session.BaseAddress.ToString());
        await page.FillAsync("#message", "C2级客户能买R3的产品吗？");
        await page.Keyboard.PressAsync("Enter");

        var answer = page.Locator(".turn.assistant .markdown").First;
        await answer.Locator("table").WaitForAsync();
        Assert.Equal(["客户风险等级", "可购买产品"], await answer.Locator("thead th").AllInnerTextsAsync());
        Assert.Equal(2, await answer.Locator("tbody tr").CountAsync());
        Assert.Equal(["先做风险测评", "再看产品 R 等级"], await answer.Locator("ul li").AllInnerTextsAsync());
        Assert.Equal("风险测评", await answer.Locator("ul li strong").InnerTextAsync());

        // The markup is shown as the characters it is: no element made from it, nothing run.
        Assert.Equal(0, await answer.Locator("img, script").CountAsync());
        Assert.Contains("<script>window.__pwned = 'script'</script>", await answer.InnerTextAsync());
        await page.WaitForTimeoutAsync(300);
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__pwned ?? null"));

        // The [1] marker is a button that opens the cited passage.
        await answer.Locator("button.cite").First.ClickAsync();
        await page.Locator("dialog#passage[open]").WaitForAsync();
        Assert.NotEmpty(await page.InnerTextAsync("#passage-text"));
        Assert.Empty(errors);
    }
}
