using Microsoft.Playwright;

namespace Copilot.EndToEndTests;

/// <summary>An advisor using the chat page in a real browser: ask, watch the answer stream in, read the citations, follow up.</summary>
public sealed class ChatPageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [BrowserFact]
    public async Task An_advisor_asks_and_follows_up_and_sees_cited_answers()
    {
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 800 } });
        await page.GotoAsync(session.BaseAddress.ToString());
        Assert.Equal("Advisor Copilot · 投顾助手", await page.TitleAsync());

        await page.FillAsync("#message", "C2级客户能买R3的产品吗？");
        await page.ClickAsync("button[type=submit]");
        var firstAnswer = page.Locator(".turn.assistant").Nth(0);
        await firstAnswer.Locator(".citations li").First.WaitForAsync();

        Assert.StartsWith("（未配置语言模型", await firstAnswer.InnerTextAsync());
        Assert.Equal("template", await page.InnerTextAsync("#generator"));
        Assert.Contains("合规手册", await firstAnswer.Locator(".citations").InnerTextAsync());

        await page.FillAsync("#message", "那C3呢？");
        await page.Keyboard.PressAsync("Enter");
        var secondAnswer = page.Locator(".turn.assistant").Nth(1);
        await secondAnswer.Locator(".citations li").First.WaitForAsync();
        Assert.Equal(2, await page.Locator(".turn.user").CountAsync());

        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "chat-page.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task An_empty_question_is_not_sent()
    {
        var page = await session.Browser.NewPageAsync();
        await page.GotoAsync(session.BaseAddress.ToString());
        await page.ClickAsync("button[type=submit]");
        // The input is required: the browser blocks the submit, nothing is asked.
        Assert.Equal(0, await page.Locator(".turn").CountAsync());
        Assert.False(await page.EvalOnSelectorAsync<bool>("#message", "el => el.checkValidity()"));
    }
}
