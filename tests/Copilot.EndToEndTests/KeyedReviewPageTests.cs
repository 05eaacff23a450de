using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Copilot.EndToEndTests;

/// <summary>The service as deployed with API keys: the page asks for one, then acts as the key's holder.</summary>
public sealed class KeyedBrowserSession : BrowserSession
{
    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.TemplateMode(seed: false, extra: KeyedApi.Settings());

    public HttpClient As(string key)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}

public sealed class KeyedReviewPageTests(KeyedBrowserSession session) : IClassFixture<KeyedBrowserSession>
{
    [BrowserFact]
    public async Task The_review_page_asks_for_a_key_and_decides_as_the_keys_holder()
    {
        var id = (await session.As(KeyedApi.Wang).CreateDraftAsync(DraftRequests.MarketDrop(clientId: $"c-{Guid.NewGuid():N}"))).Str("id");
        var page = await session.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(session.BaseAddress, "/review").ToString());

        var key = page.Locator("#api-key");
        await key.WaitForAsync();
        Assert.Equal(0, await page.Locator("#queue li").CountAsync());
        await key.FillAsync(KeyedApi.Officer);
        await key.PressAsync("Enter");

        await page.Locator("#caller", new PageLocatorOptions { HasTextString = "officer.zhao" }).WaitForAsync();
        Assert.False(await page.Locator("#reviewer").IsVisibleAsync(), "with keys the reviewer is the key's holder, not a typed name");
        await page.Locator($"#queue li[data-id='{id}']").ClickAsync();
        await page.ClickAsync("button[data-decision=approve]");
        await page.Locator("#detail .meta", new PageLocatorOptions { HasTextString = "Approved" }).WaitForAsync();

        var audit = await session.As(KeyedApi.Officer).GetFromJsonAsync<JsonArray>($"/v1/drafts/{id}/audit");
        Assert.Equal("officer.zhao", audit!.Last()!["actor"]!.GetValue<string>());
    }
}
