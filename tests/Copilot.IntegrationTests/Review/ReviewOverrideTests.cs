using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Review;

/// <summary>
/// A draft whose latest pre-check fails is approved only with an explicit override and a reason in a sentence, recorded
/// on the draft and its audit entry; with authentication off the reviewer named must not be the one who wrote it.
/// </summary>
public sealed class ReviewOverrideTests(DatabaseApis apis) : IClassFixture<DatabaseApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Reason = "客户已在柜台签署风险揭示书，书面确认知晓该产品风险等级高于其评估结果，经合规负责人同意放行。";

    // Not a reason: too short, no sentence, or one character repeated.
    private static readonly string[] NotReasons =
        ["ok", "OK!", "同意", "通过，没问题", "approved", "looks fine to me", "好好好好好好好好好好好好好好好好好好好好好", "ok ok ok ok ok ok ok ok", "                         ", "1234567890123456789012"];

    [Theory, MemberData(nameof(Providers))]
    public async Task A_failing_draft_is_approved_and_sent_only_after_an_override_with_a_reason(string provider)
    {
        var client = await apis.ClientAsync(provider);
        var draft = await client.CreateDraftAsync(DraftRequests.ProductLaunch(riskClass: "C2", productRisk: "R4"));
        var id = draft.Str("id");
        Assert.Equal("fail", draft.Str("verdict"));

        await ApiJson.AssertProblemAsync(await Review(client, id, "ok"), 422, "override");
        await ApiJson.AssertProblemAsync(await Review(client, id, Reason, @override: false), 422, "override");
        await ApiJson.AssertProblemAsync(await client.PostAsJsonAsync($"/v1/drafts/{id}/sent", new { }), 409, "state");
        foreach (var notAReason in NotReasons)
            await ApiJson.AssertProblemAsync(await Review(client, id, notAReason, @override: true), 422, "comment");
        await ApiJson.AssertProblemAsync(await Review(client, id, null, @override: true), 422, "comment");
        Assert.Equal("PendingReview", (await client.GetObjectAsync($"/v1/drafts/{id}")).Str("status"));

        var approved = await (await Review(client, id, Reason, @override: true)).ReadObjectAsync();
        Assert.Equal("Approved", approved.Str("status"));
        var shown = await client.GetObjectAsync($"/v1/drafts/{id}");
        Assert.Equal(Reason, shown["override"]!.Str("reason"));
        Assert.Equal("officer-1", shown["override"]!.Str("reviewerId"));
        var decision = (await client.GetFromJsonAsync<JsonArray>($"/v1/drafts/{id}/audit"))!.Last()!;
        var recorded = JsonNode.Parse(decision.Str("detailsJson"))!["details"]!["override"]!;
        Assert.Equal(Reason, recorded.Str("reason"));
        Assert.Contains("CN-SUIT-01", recorded["ruleIds"]!.AsArray().Select(r => r!.GetValue<string>()));
        (await client.PostAsJsonAsync($"/v1/drafts/{id}/sent", new { channelMessageId = "wx-o" })).EnsureSuccessStatusCode();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_edit_that_still_fails_needs_the_override_too_and_a_passing_draft_records_none(string provider)
    {
        var client = await apis.ClientAsync(provider);
        var id = (await client.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-override-edit"))).Str("id");
        const string promise = "张先生您好，这只基金保本保收益，稳赚不赔。";

        var refused = await Review(client, id, "改写", editedText: promise);
        await ApiJson.AssertProblemAsync(refused, 422, "override");
        await ApiJson.AssertProblemAsync(await Review(client, id, "改写", editedText: promise, @override: true), 422, "comment");
        var overridden = await (await Review(client, id, Reason, editedText: promise, @override: true)).ReadObjectAsync();
        Assert.Equal("Approved", overridden.Str("status"));
        Assert.Equal("fail", overridden.Str("verdict"));
        Assert.Equal(Reason, overridden["override"]!.Str("reason"));

        var clean = (await client.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-override-clean"))).Str("id");
        var approved = await (await Review(client, clean, "ok", @override: true)).ReadObjectAsync();
        Assert.Equal("Approved", approved.Str("status"));
        Assert.Null(approved["override"]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task With_authentication_off_the_advisor_who_wrote_a_draft_cannot_name_themselves_its_approver(string provider)
    {
        var client = await apis.ClientAsync(provider);
        var id = (await client.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-self-approve"))).Str("id");

        await ApiJson.AssertProblemAsync(await Review(client, id, "内容合规", reviewerId: "demo-advisor"), 403, "reviewerId");
        Assert.Equal("Approved", (await (await Review(client, id, "内容合规")).ReadObjectAsync()).Str("status"));
    }

    private static Task<HttpResponseMessage> Review(
        HttpClient client, string id, string? comment, string? editedText = null, bool? @override = null, string reviewerId = "officer-1") =>
        client.PostAsJsonAsync($"/v1/drafts/{id}/review", new { reviewerId, decision = "approve", comment, editedText, @override });
}
