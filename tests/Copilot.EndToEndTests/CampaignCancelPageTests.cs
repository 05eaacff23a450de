using Copilot.IntegrationTests.Clients;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Copilot.EndToEndTests;

/// <summary>
/// Cancel on a campaign's card (campaign-view.js), in Chromium, on a host that runs no campaign jobs: the campaign stays
/// running with its clients queued until the button is pressed, so the cancel always meets a running campaign.
/// </summary>
public sealed class CampaignCancelPageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Advisor = "demo-advisor";

    [BrowserFact]
    public async Task Cancel_on_a_running_campaigns_card_cancels_its_queued_clients_and_the_card_says_so()
    {
        var api = session.Factory.CreateClient();
        var clients = await LeadClients.ImportDormantAsync(api, Advisor, "cx", 3);
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = PageChecks.Desktop });
        var errors = PageChecks.WatchForErrors(page);
        var day = DateTime.Now.ToString("yyyy-MM-dd");
        await page.GotoAsync(new Uri(session.BaseAddress, $"/dashboard?level=advisor&id={Advisor}&from={day}&to={day}").ToString());
        await page.Locator("body[data-loaded=true]").WaitForAsync();
        foreach (var client in clients)
            await page.Locator($"#leads li.lead[data-client='{client}'][data-kind=reactivate] input[type=checkbox]").CheckAsync();
        await page.ClickAsync("#leads button.lead-draft");

        var card = page.Locator("#leads article.campaign");
        var cancel = card.Locator("button.campaign-cancel");
        await cancel.WaitForAsync();
        Assert.Equal("取消任务", await cancel.InnerTextAsync());
        var id = await card.GetAttributeAsync("data-id");
        Assert.Equal("Running", (await api.GetObjectAsync($"/v1/campaigns/{id}")).Str("status"));

        await cancel.ClickAsync();
        await page.Locator("#leads article.campaign[data-status=Cancelled]").WaitForAsync();
        // The service cancelled all three queued clients and drafted none; the card shows that and hides the button.
        var progress = await api.GetObjectAsync($"/v1/campaigns/{id}");
        Assert.Equal(("Cancelled", 3, 0), (progress.Str("status"), progress["cancelled"]!.GetValue<int>(), progress["drafted"]!.GetValue<int>()));
        Assert.Equal("3", await card.Locator("dd[data-figure=cancelled]").InnerTextAsync());
        Assert.Contains("已取消", await card.Locator("h3").InnerTextAsync());
        Assert.False(await cancel.IsVisibleAsync());
        Assert.Equal(0, (await api.GetObjectAsync($"/v1/drafts?campaignId={id}&status=PendingReview")).Int("total"));

        await PageChecks.AssertAccessibleAsync(page);
        Assert.Empty(errors);
    }
}
