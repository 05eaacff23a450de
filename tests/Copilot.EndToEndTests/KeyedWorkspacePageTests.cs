using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Copilot.EndToEndTests;

/// <summary>With API keys, as deployed: an advisor's workspace shows that advisor's drafts and clients only.</summary>
public sealed class KeyedWorkspacePageTests(KeyedBrowserSession session) : IClassFixture<KeyedBrowserSession>
{
    [BrowserFact]
    public async Task An_advisor_sees_only_their_own_drafts_in_the_workspace_and_the_queue()
    {
        var own = (await session.As(KeyedApi.Wang).CreateDraftAsync(DraftRequests.MarketDrop(clientId: $"c-{Guid.NewGuid():N}"))).Str("id");
        var others = (await session.As(KeyedApi.Qian).CreateDraftAsync(
            DraftRequests.MarketDrop(clientId: $"c-{Guid.NewGuid():N}", advisorId: "a-qian"))).Str("id");

        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = PageChecks.Desktop });
        await page.GotoAsync(session.BaseAddress.ToString());
        var key = page.Locator("#api-key");
        await key.WaitForAsync();
        await key.FillAsync(KeyedApi.Wang);
        await key.PressAsync("Enter");
        await page.Locator("#caller", new PageLocatorOptions { HasTextString = "wang.xiaoming" }).WaitForAsync();
        Assert.False(await page.Locator("#advisor").IsVisibleAsync(), "an advisor's key acts for its own advisor; there is nothing to choose");

        await page.ClickAsync("#tab-clients");
        await page.Locator($"#draft-list button[data-id='{own}']").WaitForAsync();
        Assert.Equal(0, await page.Locator($"#draft-list button[data-id='{others}']").CountAsync());

        // The review page under the same key lists the same: the advisor's own drafts, never another's.
        await page.GotoAsync(new Uri(session.BaseAddress, "/review").ToString());
        await page.Locator($"#queue li[data-id='{own}']").WaitForAsync();
        Assert.Equal(0, await page.Locator($"#queue li[data-id='{others}']").CountAsync());
    }
}
