using System.Text.Json;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Clients;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Copilot.EndToEndTests;

/// <summary>
/// The lead list (leads-view.js) on the workspace's "today's leads" tab and on the dashboard, in Chromium against a host that
/// runs campaign jobs: leads with their reasons and score, dismissing one, ticking two and drafting for them, and the
/// campaign followed live to its end; axe, the English switch from the keyboard, 1280×800 and 390 px.
/// </summary>
public sealed class LeadListPageTests(LeadListPageTests.Session session) : IClassFixture<LeadListPageTests.Session>
{
    private const string Advisor = "demo-advisor";

    /// <summary>The browser session on a service whose Hangfire server drafts campaigns (template mode).</summary>
    public sealed class Session : BrowserSession
    {
        protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.TemplateMode(extra: new Dictionary<string, string?>
        {
            ["Campaigns:RunJobs"] = "true", ["Campaigns:Concurrency"] = "2", ["Campaigns:QueuePollMilliseconds"] = "200",
        });
    }

    private HttpClient Api() => session.Factory.CreateClient();

    private Task<string[]> ImportDormantAsync(string prefix, int count, bool expiring = false) =>
        LeadClients.ImportDormantAsync(Api(), Advisor, prefix, count, expiring);

    private async Task<JsonObject> LeadAsync(string clientId, string language = "zh") =>
        (JsonObject)(await Api().GetObjectAsync($"/v1/leads?advisorId={Advisor}&kind=reactivate&top=500&language={language}"))["items"]!.AsArray()
            .Single(l => l!.Str("clientId") == clientId)!;

    private static ILocator Lead(IPage page, string clientId, string kind = "reactivate") => page.Locator($"#leads li.lead[data-client='{clientId}'][data-kind={kind}]");

    [BrowserFact]
    public async Task An_advisor_sees_leads_with_reasons_dismisses_one_and_drafts_for_two_and_sees_the_campaign_complete()
    {
        var clients = await ImportDormantAsync("lw", 3);
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = PageChecks.Desktop });
        var errors = PageChecks.WatchForErrors(page);
        await page.GotoAsync(session.BaseAddress.ToString());
        await page.ClickAsync("#tab-leads");
        await page.SelectOptionAsync("#leads-kind", "reactivate");

        // Each lead as the API ranks it: the score, the reason in words and numbers, the suggested scenario and channel.
        foreach (var client in clients)
        {
            var expected = await LeadAsync(client);
            var item = Lead(page, client);
            await item.WaitForAsync();
            Assert.Contains($"评分 {expected["score"]!.GetValue<double>()}", await item.Locator(".lead-score").InnerTextAsync());
            var reason = expected["reasons"]!.AsArray().First(r => r!.Str("tag") == "dormant")!.Str("text");
            Assert.Contains(reason, await item.Locator(".lead-reasons").InnerTextAsync());
            Assert.Equal("休眠激活", await item.Locator(".lead-scenario").InnerTextAsync());
            Assert.Contains("短信", await item.Locator(".lead-suggestion").InnerTextAsync());
        }
        Assert.Contains("已121天未登录", await Lead(page, clients[1]).Locator(".lead-reasons").InnerTextAsync());

        // Dismissed: it leaves the page, and the service holds it back.
        await Lead(page, clients[2]).Locator("button.lead-dismiss").ClickAsync();
        await Lead(page, clients[2]).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        var listed = (await Api().GetObjectAsync($"/v1/leads?advisorId={Advisor}&kind=reactivate&top=500"))["items"]!.AsArray();
        Assert.DoesNotContain(listed, l => l!.Str("clientId") == clients[2]);
        Assert.Contains(listed, l => l!.Str("clientId") == clients[0]);
        // The count beside the filter follows: shown / the service's total, one more held back.
        var shown = await page.Locator("#leads li.lead").CountAsync();
        var total = (await Api().GetObjectAsync($"/v1/leads?advisorId={Advisor}&kind=reactivate&top=500")).Int("total");
        Assert.StartsWith($"{shown} / {total} 条线索", await page.InnerTextAsync("#leads .lead-count"));

        // Tick two, draft for these: one campaign (same scenario and channel), followed until it completes with 2 drafted.
        await Lead(page, clients[0]).Locator("input[type=checkbox]").CheckAsync();
        await Lead(page, clients[1]).Locator("input[type=checkbox]").CheckAsync();
        Assert.Equal("为这些客户起草 (2)", await page.InnerTextAsync("#leads button.lead-draft"));
        await page.ClickAsync("#leads button.lead-draft");
        var campaign = page.Locator("#leads article.campaign");
        await campaign.WaitForAsync();
        await page.Locator("#leads article.campaign[data-status=Completed]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Equal(1, await campaign.CountAsync());
        Assert.Equal("2", await campaign.Locator("dd[data-figure=total]").InnerTextAsync());
        Assert.Equal("2", await campaign.Locator("dd[data-figure=drafted]").InnerTextAsync());
        Assert.Equal("0", await campaign.Locator("dd[data-figure=failed]").InnerTextAsync());

        // What the page showed is what the service did: the campaign drafted exactly the two ticked clients.
        var id = await campaign.GetAttributeAsync("data-id");
        var progress = await Api().GetObjectAsync($"/v1/campaigns/{id}");
        Assert.Equal(("Completed", 2, "dormant_reactivation", "sms"), (progress.Str("status"), progress.Int("drafted"), progress.Str("scenarioCode"), progress.Str("channel")));
        Assert.Equal(progress.Int("passed").ToString(), await campaign.Locator("dd[data-figure=passed]").InnerTextAsync());
        var drafts = (await Api().GetObjectAsync($"/v1/drafts?advisorId={Advisor}&scenario=dormant_reactivation&pageSize=200"))["drafts"]!.AsArray();
        Assert.Equal(new[] { clients[0], clients[1] }, drafts.Select(d => d!.Str("clientId")).Where(c => c.StartsWith("lw-")).Order().ToArray());
        // Its link opens the review queue on this campaign's drafts, by its id: the two ticked clients, none of another campaign's.
        var href = await campaign.Locator("a.campaign-drafts").GetAttributeAsync("href");
        Assert.Contains($"campaignId={id}", href);
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "workspace-leads-1280.png");
        await campaign.Locator("a.campaign-drafts").ClickAsync();
        await page.Locator($"#queue[data-filters*='campaignId={id}']").WaitForAsync();
        Assert.Equal(new[] { clients[0], clients[1] }, (await page.Locator("#queue li").AllInnerTextsAsync())
            .Select(t => clients.Single(c => t.Contains(c))).Order().ToArray());
        Assert.Equal(id, await page.InputValueAsync("#campaign"));

        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task At_phone_width_the_leads_tab_fits_works_from_the_keyboard_and_switches_to_english()
    {
        var clients = await ImportDormantAsync("lp", 2);
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = PageChecks.Phone });
        var errors = PageChecks.WatchForErrors(page);
        await page.GotoAsync(session.BaseAddress.ToString());
        await page.FocusAsync("#tab-chat");
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal("true", await page.GetAttributeAsync("#tab-leads", "aria-selected"));
        await Lead(page, clients[0]).WaitForAsync();

        // Snooze from the keyboard: the lead leaves and focus moves to the next lead's tick box.
        await Lead(page, clients[0]).Locator("button.lead-snooze").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Lead(page, clients[0]).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.type === 'checkbox' || document.activeElement?.id === 'leads-kind'"));

        await page.ClickAsync("#lang");
        await Lead(page, clients[1]).Locator(".lead-kind", new LocatorLocatorOptions { HasTextString = "Reactivate" }).WaitForAsync();
        var english = await LeadAsync(clients[1], "en");
        Assert.Contains(english["reasons"]!.AsArray().First(r => r!.Str("tag") == "dormant")!.Str("text"), await Lead(page, clients[1]).InnerTextAsync());
        Assert.StartsWith("Draft for these", await page.InnerTextAsync("#leads button.lead-draft"));

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "workspace-leads-390.png");
        await page.ClickAsync("#lang");
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task The_dashboard_shows_an_advisors_leads_and_drafts_each_ticked_client_with_its_own_leads_scenario()
    {
        var dormant = (await ImportDormantAsync("ld", 1))[0];
        var expiring = (await ImportDormantAsync("le", 1, expiring: true))[0];
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = PageChecks.Desktop });
        var errors = PageChecks.WatchForErrors(page);
        var day = DateTime.Now.ToString("yyyy-MM-dd");
        await page.GotoAsync(new Uri(session.BaseAddress, $"/dashboard?level=advisor&id={Advisor}&from={day}&to={day}").ToString());
        await page.Locator("body[data-loaded=true]").WaitForAsync();
        var reactivate = Lead(page, dormant);
        var renew = Lead(page, expiring, "renew_assessment");
        await reactivate.WaitForAsync();
        await renew.WaitForAsync();
        var expected = await LeadAsync(dormant);
        Assert.Contains(expected["reasons"]!.AsArray().First(r => r!.Str("tag") == "dormant")!.Str("text"), await reactivate.InnerTextAsync());
        Assert.Equal("风险测评续期", await renew.Locator(".lead-kind").InnerTextAsync());

        // Two leads asking for different scenarios: two campaigns, each client drafted with the scenario its own lead suggests.
        await reactivate.Locator("input[type=checkbox]").CheckAsync();
        await renew.Locator("input[type=checkbox]").CheckAsync();
        await page.ClickAsync("#leads button.lead-draft");
        var done = page.Locator("#leads article.campaign[data-status=Completed]");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#leads article.campaign[data-status=Completed]').length === 2", null,
            new PageWaitForFunctionOptions { Timeout = 60_000 });
        Assert.Equal(2, await page.Locator("#leads article.campaign").CountAsync());
        for (var i = 0; i < 2; i++) Assert.Equal("1", await done.Nth(i).Locator("dd[data-figure=drafted]").InnerTextAsync());
        var drafts = (await Api().GetObjectAsync($"/v1/drafts?advisorId={Advisor}&pageSize=200"))["drafts"]!.AsArray();
        Assert.Equal("dormant_reactivation", drafts.Single(d => d!.Str("clientId") == dormant)!.Str("scenarioCode"));
        Assert.Equal("risk_assessment_expiring", drafts.Single(d => d!.Str("clientId") == expiring)!.Str("scenarioCode"));

        await PageChecks.AssertAccessibleAsync(page);
        Assert.Empty(errors);
    }
}
