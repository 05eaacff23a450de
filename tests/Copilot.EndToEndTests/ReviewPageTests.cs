using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Copilot.EndToEndTests;

/// <summary>A compliance officer in a real browser: the queue, findings highlighted in the text, and decisions.</summary>
public sealed class ReviewPageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [BrowserFact]
    public async Task A_flagged_draft_shows_its_finding_and_can_be_rejected_with_a_reason()
    {
        var id = await FlaggedDraftAsync();
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(session.BaseAddress, "/review.html").ToString());

        await page.Locator($"#queue li[data-id='{id}']").ClickAsync();
        var mark = page.Locator("#detail .text mark.block").First;
        await mark.WaitForAsync();
        Assert.Contains("稳赚", await mark.InnerTextAsync());
        Assert.Contains("fail", await page.InnerTextAsync("#detail .verdict"));

        await page.ClickAsync("button[data-decision=reject]");
        await page.Locator("#detail .error").Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("comment") }).WaitForAsync();

        await page.FillAsync("#detail input[name=comment]", "承诺收益，违反适当性要求");
        await page.ClickAsync("button[data-decision=reject]");
        await page.Locator("#detail .meta", new PageLocatorOptions { HasTextString = "Rejected" }).WaitForAsync();
        Assert.Equal(0, await page.Locator($"#queue li[data-id='{id}']").CountAsync());
        Assert.False(await page.Locator("#detail form.decide").IsVisibleAsync(), "a decided draft offers no more decisions");

        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "review-page.png") });
        var audit = await Client().GetFromJsonAsync<JsonArray>($"/v1/drafts/{id}/audit");
        Assert.Equal("reject", audit!.Last()!["action"]!.GetValue<string>());
        Assert.Equal("compliance-officer", audit!.Last()!["actor"]!.GetValue<string>());
    }

    [BrowserFact]
    public async Task A_clean_draft_is_approved_from_the_queue()
    {
        var id = await CreateDraftAsync();
        var page = await session.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(session.BaseAddress, "/review.html").ToString());
        await page.Locator($"#queue li[data-id='{id}']").ClickAsync();
        await page.ClickAsync("button[data-decision=approve]");
        await page.Locator("#detail .meta", new PageLocatorOptions { HasTextString = "Approved" }).WaitForAsync();
        var draft = await Client().GetFromJsonAsync<JsonObject>($"/v1/drafts/{id}");
        Assert.Equal("Approved", draft!["status"]!.GetValue<string>());
    }

    [BrowserFact]
    public async Task A_flagged_draft_is_approved_only_with_the_override_ticked_and_a_reason()
    {
        const string reason = "客户已签署风险揭示书并书面确认知晓产品风险，经合规负责人同意放行。";
        var id = await FlaggedDraftAsync();
        var page = await session.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(session.BaseAddress, "/review.html").ToString());
        await page.Locator($"#queue li[data-id='{id}']").ClickAsync();
        await page.Locator("#detail label.override").WaitForAsync();

        await page.ClickAsync("button[data-decision=approve]");
        await page.Locator("#detail .error").Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("override") }).WaitForAsync();
        await page.CheckAsync("#detail input[name=override]");
        await page.FillAsync("#detail input[name=comment]", "ok");
        await page.ClickAsync("button[data-decision=approve]");
        await page.Locator("#detail .error").Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("comment") }).WaitForAsync();
        await page.FillAsync("#detail input[name=comment]", reason);
        await page.ClickAsync("button[data-decision=approve]");
        await page.Locator("#detail .meta", new PageLocatorOptions { HasTextString = "override by" }).WaitForAsync();

        var draft = await Client().GetFromJsonAsync<JsonObject>($"/v1/drafts/{id}");
        Assert.Equal("Approved", draft!["status"]!.GetValue<string>());
        Assert.Equal(reason, draft["override"]!["reason"]!.GetValue<string>());
    }

    private HttpClient Client() => session.Factory.CreateClient();

    private async Task<string> CreateDraftAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/drafts")
        {
            Content = JsonContent.Create(new
            {
                advisorId = "demo-advisor",
                client = new { id = $"c-{Guid.NewGuid():N}", name = "张先生", riskClass = "C3", horizonMonths = 24 },
                scenario = new { kind = "emotion", code = "emotion_care" },
                channel = "wechat",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var response = await Client().SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    // A draft sent back and revised by the advisor into a promise of returns: back in the queue, flagged.
    private async Task<string> FlaggedDraftAsync()
    {
        var id = await CreateDraftAsync();
        var client = Client();
        (await client.PostAsJsonAsync($"/v1/drafts/{id}/review", new { reviewerId = "officer", decision = "request_changes", comment = "再具体些" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/v1/drafts/{id}/revise", new { advisorId = "demo-advisor", text = "张先生您好，这只基金稳赚不赔，放心买。" })).EnsureSuccessStatusCode();
        return id;
    }
}
