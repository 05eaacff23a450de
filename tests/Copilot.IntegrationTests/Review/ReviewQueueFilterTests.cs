using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Review;

/// <summary>The review queue filtered by scenario, verdict and rule, on SQLite and PostgreSQL; and an edit needs a comment.</summary>
public sealed class ReviewQueueFilterTests(KeyedDatabaseApis apis) : IClassFixture<KeyedDatabaseApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_queue_filters_by_scenario_verdict_and_rule(string provider)
    {
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        var officer = await apis.AsAsync(provider, KeyedApi.Officer);
        var drop = (await wang.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-filter-1"))).Str("id");
        var care = (await wang.CreateDraftAsync(new
        {
            client = new { id = "c-filter-2", name = "周女士", riskClass = "C2", horizonMonths = 12 },
            scenario = new { kind = "emotion", code = "emotion_care" }, channel = "wechat",
        })).Str("id");
        (await officer.PostAsJsonAsync($"/v1/drafts/{care}/review", new { decision = "request_changes", comment = "再具体些" })).EnsureSuccessStatusCode();
        var revised = await (await wang.PostAsJsonAsync($"/v1/drafts/{care}/revise", new { text = "周女士您好，这只基金稳赚不赔，放心买。" })).ReadObjectAsync();
        var rule = revised.RuleIds().First();

        async Task<List<string>> Ids(string query) =>
            (await officer.GetObjectAsync($"/v1/drafts?status=PendingReview&{query}"))["drafts"]!.AsArray().Select(d => d!.Str("id")).ToList();

        Assert.Equal([care], await Ids($"ruleId={rule}"));
        Assert.Equal([care], await Ids("verdict=fail"));
        Assert.Equal([drop], await Ids("scenario=market_drop"));
        Assert.Equal([care], await Ids("scenario=emotion_care&verdict=fail"));
        Assert.Empty(await Ids("scenario=market_drop&verdict=fail"));
        // A rule id is matched whole, not as a prefix of another.
        Assert.Empty(await Ids($"ruleId={rule[..^1]}"));

        await ApiJson.AssertProblemAsync(await officer.GetAsync("/v1/drafts?scenario=no_such"), 400, "scenario");
        await ApiJson.AssertProblemAsync(await officer.GetAsync("/v1/drafts?verdict=maybe"), 400, "verdict");
        await ApiJson.AssertProblemAsync(await officer.GetAsync("/v1/drafts?ruleId=" + Uri.EscapeDataString("CN-%")), 400, "ruleId");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Editing_a_draft_while_approving_it_needs_a_comment(string provider)
    {
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        var officer = await apis.AsAsync(provider, KeyedApi.Officer);
        var id = (await wang.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-edit-comment"))).Str("id");
        const string edited = "张先生您好，市场短期波动加大，建议保持既定配置，过往业绩不代表未来表现。";

        await ApiJson.AssertProblemAsync(await officer.PostAsJsonAsync($"/v1/drafts/{id}/review", new { decision = "approve", editedText = edited }), 400, "comment");
        var approved = await (await officer.PostAsJsonAsync($"/v1/drafts/{id}/review",
            new { decision = "approve", editedText = edited, comment = "措辞更稳妥" })).ReadObjectAsync();
        Assert.Equal("Approved", approved.Str("status"));
        Assert.StartsWith(edited, approved.Str("text"));
    }
}
