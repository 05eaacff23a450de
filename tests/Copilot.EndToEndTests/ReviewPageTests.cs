using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Copilot.EndToEndTests;

/// <summary>A compliance officer at /review in a real browser: filters, findings at their spans, decisions, bulk approve, keys.</summary>
public sealed class ReviewPageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Promise = "张先生您好，这只基金稳赚不赔，放心买。";

    [BrowserFact]
    public async Task An_officer_filters_by_rule_sees_the_finding_at_its_span_edits_and_approves()
    {
        var id = await FlaggedDraftAsync();
        var rule = (await Client().GetFromJsonAsync<JsonObject>($"/v1/drafts/{id}"))!.RuleIds().First();
        await CreateDraftAsync();
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = PageChecks.Desktop });
        var errors = PageChecks.WatchForErrors(page);
        await page.GotoAsync(new Uri(session.BaseAddress, "/review").ToString());
        await page.Locator($"#queue li[data-id='{id}']").WaitForAsync();

        await page.FillAsync("#rule", rule);
        await page.Keyboard.PressAsync("Enter");
        // The queue shown before the filter is still there until the filtered answer replaces it.
        await page.WaitForFunctionAsync("rule => new URLSearchParams(document.querySelector('#queue').dataset.filters || '').get('ruleId') === rule", rule);
        var listed = await page.Locator("#queue li").EvaluateAllAsync<string[]>("items => items.map(li => li.dataset.id)");
        Assert.Contains(id, listed);
        // Every draft the filtered queue lists carries the rule (other tests on this host may decide drafts meanwhile, so the
        // queue is compared draft by draft rather than with a second listing).
        foreach (var listedId in listed)
        {
            var listedDraft = (await Client().GetFromJsonAsync<JsonObject>($"/v1/drafts/{listedId}"))!;
            if (listedDraft.Str("status") == "PendingReview") Assert.Contains(rule, listedDraft.RuleIds());
        }
        Assert.True(listed.Length < (await Client().GetFromJsonAsync<JsonObject>("/v1/drafts?pageSize=100"))!["drafts"]!.AsArray().Count,
            "the filter leaves drafts out");

        await page.Locator($"#queue li[data-id='{id}'] button").ClickAsync();
        var mark = page.Locator("#detail .text mark.block").First;
        await mark.WaitForAsync();
        Assert.Contains("稳赚", await mark.InnerTextAsync());
        Assert.Equal(rule, await mark.GetAttributeAsync("data-rule"));
        var finding = page.Locator($"#detail .findings li[data-rule='{rule}']").First;
        var stored = (await Client().GetFromJsonAsync<JsonObject>($"/v1/drafts/{id}"))!["findings"]!.AsArray().First(f => f!.Str("ruleId") == rule)!;
        var beside = await finding.InnerTextAsync();
        Assert.Contains(rule, beside);
        Assert.Contains(stored.Str("message"), beside);
        Assert.Contains(stored.Str("source"), beside);
        Assert.Contains("fail", await page.InnerTextAsync("#detail .verdict"));
        Assert.Contains("revise", await page.InnerTextAsync("#detail .audit"));

        // Edit the promise away; an edit needs a comment before it is sent.
        var edited = "张先生您好，基金有涨有跌，过往业绩不代表未来表现，请结合自身风险承受能力决定。";
        await page.FillAsync("#detail textarea[name=editedText]", edited);
        await page.ClickAsync("button[data-decision=edit_approve]");
        await page.Locator("#detail .error").Filter(new LocatorFilterOptions { HasTextRegex = new Regex("comment") }).WaitForAsync();
        await page.FillAsync("#detail input[name=comment]", "删去收益承诺，补充风险提示");
        await page.ClickAsync("button[data-decision=edit_approve]");
        await page.Locator("#detail .meta", new PageLocatorOptions { HasTextString = "Approved" }).WaitForAsync();

        var draft = (await Client().GetFromJsonAsync<JsonObject>($"/v1/drafts/{id}"))!;
        Assert.Equal("Approved", draft.Str("status"));
        Assert.StartsWith(edited, draft.Str("text"));
        Assert.DoesNotContain("稳赚", draft.Str("text"));
        var audit = await Client().GetFromJsonAsync<JsonArray>($"/v1/drafts/{id}/audit");
        Assert.Equal("approve", audit!.Last()!.Str("action"));
        Assert.Contains("approve", await page.InnerTextAsync("#detail .audit"));
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task A_flagged_draft_is_rejected_only_with_a_reason()
    {
        var id = await FlaggedDraftAsync();
        var page = await session.Browser.NewPageAsync();
        // The old address still opens the page.
        await page.GotoAsync(new Uri(session.BaseAddress, "/review.html").ToString());
        await page.Locator($"#queue li[data-id='{id}'] button").ClickAsync();
        await page.Locator("#detail .text mark.block").First.WaitForAsync();

        await page.ClickAsync("button[data-decision=reject]");
        await page.Locator("#detail .error").Filter(new LocatorFilterOptions { HasTextRegex = new Regex("comment") }).WaitForAsync();
        Assert.Equal("PendingReview", (await Client().GetFromJsonAsync<JsonObject>($"/v1/drafts/{id}"))!.Str("status"));

        await page.FillAsync("#detail input[name=comment]", "承诺收益，违反适当性要求");
        await page.ClickAsync("button[data-decision=reject]");
        await page.Locator("#detail .meta", new PageLocatorOptions { HasTextString = "Rejected" }).WaitForAsync();
        Assert.Equal(0, await page.Locator($"#queue li[data-id='{id}']").CountAsync());
        Assert.False(await page.Locator("#detail form.decide").IsVisibleAsync(), "a decided draft offers no more decisions");
        var audit = await Client().GetFromJsonAsync<JsonArray>($"/v1/drafts/{id}/audit");
        Assert.Equal("reject", audit!.Last()!.Str("action"));
        Assert.Equal("compliance-officer", audit!.Last()!.Str("actor"));
    }

    [BrowserFact]
    public async Task A_flagged_draft_is_approved_only_with_the_override_ticked_and_a_reason()
    {
        const string reason = "客户已签署风险揭示书并书面确认知晓产品风险，经合规负责人同意放行。";
        var id = await FlaggedDraftAsync();
        var page = await session.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(session.BaseAddress, "/review").ToString());
        await page.Locator($"#queue li[data-id='{id}'] button").ClickAsync();
        await page.Locator("#detail label.override").WaitForAsync();

        await page.FillAsync("#detail input[name=comment]", reason);
        await page.ClickAsync("button[data-decision=approve]");
        await page.Locator("#detail .error").Filter(new LocatorFilterOptions { HasTextRegex = new Regex("override") }).WaitForAsync();
        await page.CheckAsync("#detail input[name=override]");
        await page.ClickAsync("button[data-decision=approve]");
        await page.Locator("#detail .meta", new PageLocatorOptions { HasTextString = "override by" }).WaitForAsync();

        var draft = (await Client().GetFromJsonAsync<JsonObject>($"/v1/drafts/{id}"))!;
        Assert.Equal("Approved", draft.Str("status"));
        Assert.Equal(reason, draft["override"]!.Str("reason"));
    }

    [BrowserFact]
    public async Task Clean_drafts_are_approved_in_bulk_and_flagged_ones_cannot_be_ticked()
    {
        var clean = new[] { await CreateDraftAsync(), await CreateDraftAsync() };
        var flagged = await FlaggedDraftAsync();
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = PageChecks.Desktop });
        await page.GotoAsync(new Uri(session.BaseAddress, "/review").ToString());
        await page.Locator($"#queue li[data-id='{flagged}']").WaitForAsync();
        Assert.True(await page.Locator($"#queue li[data-id='{flagged}'] input[type=checkbox]").IsDisabledAsync());

        foreach (var id in clean) await page.CheckAsync($"#queue li[data-id='{id}'] input[type=checkbox]");
        await page.ClickAsync("#bulk-approve");
        await page.Locator("#bulk-result", new PageLocatorOptions { HasTextString = "2" }).WaitForAsync();
        await page.Locator($"#queue li[data-id='{clean[0]}']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        foreach (var id in clean)
            Assert.Equal("Approved", (await Client().GetFromJsonAsync<JsonObject>($"/v1/drafts/{id}"))!.Str("status"));
        Assert.Equal("PendingReview", (await Client().GetFromJsonAsync<JsonObject>($"/v1/drafts/{flagged}"))!.Str("status"));
    }

    [BrowserFact]
    public async Task The_queue_is_worked_from_the_keyboard()
    {
        var id = await CreateDraftAsync();
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = PageChecks.Desktop });
        await page.GotoAsync(new Uri(session.BaseAddress, "/review").ToString());
        await page.SelectOptionAsync("#verdict", "pass");
        await page.Locator($"#queue li[data-id='{id}']").WaitForAsync();
        await page.Locator("body").ClickAsync(new LocatorClickOptions { Position = new Position { X = 1200, Y = 790 } });

        // The newest draft is first: j opens it, a approves it (a clean draft needs no comment).
        await page.Keyboard.PressAsync("j");
        await page.Locator("#queue li.selected").WaitForAsync();
        Assert.Equal(id, await page.Locator("#queue li.selected").GetAttributeAsync("data-id"));
        await page.Keyboard.PressAsync("a");
        await page.Locator("#detail .meta", new PageLocatorOptions { HasTextString = "Approved" }).WaitForAsync();
        Assert.Equal("Approved", (await Client().GetFromJsonAsync<JsonObject>($"/v1/drafts/{id}"))!.Str("status"));

        await page.Keyboard.PressAsync("?");
        Assert.True(await page.Locator("#shortcuts[open]").IsVisibleAsync());
        Assert.Contains("j / k", await page.InnerTextAsync("#shortcuts"));
    }

    [BrowserFact]
    public async Task The_review_page_passes_axe_at_both_sizes_and_switches_to_english()
    {
        var id = await FlaggedDraftAsync();
        foreach (var (size, name) in new[] { (PageChecks.Desktop, "review-1280.png"), (PageChecks.Phone, "review-390.png") })
        {
            var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = size });
            await page.GotoAsync(new Uri(session.BaseAddress, "/review").ToString());
            await page.Locator($"#queue li[data-id='{id}'] button").ClickAsync();
            await page.Locator("#detail .text mark.block").First.WaitForAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
            await PageChecks.AssertAccessibleAsync(page);
            await PageChecks.ScreenshotAsync(page, name);
        }

        var english = await session.Browser.NewPageAsync();
        await english.GotoAsync(new Uri(session.BaseAddress, "/review").ToString());
        await english.ClickAsync("#lang");
        Assert.Equal("Compliance review", await english.InnerTextAsync("h1 span"));
        await english.Locator($"#queue li[data-id='{id}'] button").ClickAsync();
        await english.Locator("#detail button[data-decision=edit_approve]", new PageLocatorOptions { HasTextString = "Edit and approve" }).WaitForAsync();
        await english.ClickAsync("#lang");
    }

    private HttpClient Client() => session.Factory.CreateClient();

    private async Task<string> CreateDraftAsync() =>
        (await Client().CreateDraftAsync(new
        {
            advisorId = "demo-advisor",
            client = new { id = $"c-{Guid.NewGuid():N}", name = "张先生", riskClass = "C3", horizonMonths = 24 },
            scenario = new { kind = "emotion", code = "emotion_care" },
            channel = "wechat",
        })).Str("id");

    // A draft sent back and revised by the advisor into a promise of returns: back in the queue, flagged.
    private async Task<string> FlaggedDraftAsync()
    {
        var id = await CreateDraftAsync();
        var client = Client();
        (await client.PostAsJsonAsync($"/v1/drafts/{id}/review", new { reviewerId = "officer", decision = "request_changes", comment = "再具体些" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/v1/drafts/{id}/revise", new { advisorId = "demo-advisor", text = Promise })).EnsureSuccessStatusCode();
        return id;
    }
}
