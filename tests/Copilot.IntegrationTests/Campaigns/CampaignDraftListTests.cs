using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Clients;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Campaigns;

/// <summary>
/// GET /v1/drafts?campaignId= lists one campaign's drafts (the lead list links to them by it): not another campaign's of the
/// same advisor and scenario, not another advisor's, and a malformed id is a problem naming the field.
/// </summary>
public sealed class CampaignDraftListTests(CampaignApis apis) : IClassFixture<CampaignApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_drafts_of_one_campaign_are_listed_by_its_id_and_only_to_those_who_may_see_them(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        var first = await CampaignClient.ImportClientsAsync(crm, 3, seed: 31);
        var second = await CampaignClient.ImportClientsAsync(crm, 2, seed: 32);
        // Same advisor, scenario and channel: only the campaign id tells their drafts apart.
        var one = await wang.StartAsync(CampaignClient.Body(first));
        var two = await wang.StartAsync(CampaignClient.Body(second));
        await wang.FinishedAsync(one);
        await wang.FinishedAsync(two);

        async Task<List<(string Client, string? Campaign)>> Listed(HttpClient caller, string campaignId) =>
            (await caller.GetObjectAsync($"/v1/drafts?campaignId={campaignId}&status=PendingReview&pageSize=200"))["drafts"]!.AsArray()
                .Select(d => (d!.Str("clientId"), d!["campaignId"]?.GetValue<string>())).ToList();

        var listed = await Listed(wang, one);
        Assert.Equal(first.Order(), listed.Select(d => d.Client).Order());
        Assert.All(listed, d => Assert.Equal(one, d.Campaign));
        Assert.Equal(second.Order(), (await Listed(wang, two)).Select(d => d.Client).Order());
        var page = await wang.GetObjectAsync($"/v1/drafts?campaignId={two}&status=PendingReview");
        Assert.Equal(2, page.Int("total"));

        // Compliance sees every advisor's; another advisor's key lists only its own drafts, so none of this campaign's.
        Assert.Equal(3, (await Listed(await apis.AsAsync(provider, KeyedApi.Officer), one)).Count);
        Assert.Empty(await Listed(await apis.AsAsync(provider, KeyedApi.Qian), one));
        Assert.Empty(await Listed(wang, "cmp_none"));

        await ApiJson.AssertProblemAsync(await wang.GetAsync("/v1/drafts?campaignId=" + Uri.EscapeDataString("cmp_%")), 400, "campaignId");
        await ApiJson.AssertProblemAsync(await wang.GetAsync("/v1/drafts?campaignId=" + new string('a', 41)), 400, "campaignId");
    }
}
