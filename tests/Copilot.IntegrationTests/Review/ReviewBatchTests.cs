using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.Audit;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Clients;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Review;

/// <summary>
/// POST /v1/drafts/review-batch on each database: each draft decided and audited on its own, a flagged draft refused from
/// a bulk approve with its reason, other refusals (state, unknown id) reported per draft without stopping the rest.
/// </summary>
public sealed class ReviewBatchTests(KeyedDatabaseApis apis) : IClassFixture<KeyedDatabaseApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static object Draft(string clientId, string code, object[]? products = null) => new
    {
        advisorId = "demo-advisor", client = new { id = clientId }, scenario = new { kind = code == "birthday" ? "lifecycle" : "investment", code },
        channel = "wechat", products = products ?? [],
    };

    [Theory, MemberData(nameof(Providers))]
    public async Task A_bulk_approve_decides_each_draft_on_its_own_and_refuses_the_flagged_one(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var officer = await apis.AsAsync(provider, KeyedApi.Officer);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(0, (await crm.ImportedAsync(ClientImports.JsonLines(
            new { clientId = $"{prefix}-a", advisorId = "demo-advisor", name = "周先生", riskClass = "C3", horizonMonths = 36, language = "zh-CN" },
            new { clientId = $"{prefix}-b", advisorId = "demo-advisor", name = "吴女士", riskClass = "C4", horizonMonths = 60, language = "zh-CN" },
            new { clientId = $"{prefix}-c", advisorId = "demo-advisor", name = "孙婆婆", riskClass = "C1", lowestClass = true, horizonMonths = 12, language = "zh-CN" }),
            "application/x-ndjson")).Int("rejected"));
        var first = await crm.CreateDraftAsync(Draft($"{prefix}-a", "birthday"));
        var second = await crm.CreateDraftAsync(Draft($"{prefix}-b", "birthday"));
        // An R2 fund for a lowest-class client fails the pre-check even after the revision: stored flagged.
        var flagged = await crm.CreateDraftAsync(Draft($"{prefix}-c", "product_launch", [new { code = "ES4001", riskLevel = "R2" }]));
        Assert.False(first["flagged"]!.GetValue<bool>());
        Assert.True(flagged["flagged"]!.GetValue<bool>());

        var ids = new[] { first.Str("id"), flagged.Str("id"), "dft_missing", second.Str("id") };
        var results = await BatchAsync(officer, ids, "approve", "Checked in bulk.");

        Assert.Equal(ids, results.Select(r => r.Str("draftId")));
        Assert.Equal(["Approved", "PendingReview", "NotFound", "Approved"], results.Select(r => r.Str("status")));
        Assert.Null(results[0]["error"]);
        Assert.Contains("Flagged", results[1].Str("error"));
        Assert.Contains("dft_missing", results[2].Str("error"));

        var audit = (await apis.FactoryAsync(provider)).Services.GetRequiredService<AuditTrail>();
        var firstAudit = await audit.ForEntityAsync("draft", first.Str("id"), CancellationToken.None);
        Assert.Equal(["created", "approve"], firstAudit.Select(e => e.Action));
        Assert.Equal("officer.zhao", firstAudit[1].Actor);
        Assert.Equal(["created"], (await audit.ForEntityAsync("draft", flagged.Str("id"), CancellationToken.None)).Select(e => e.Action));

        // A reject goes through for the flagged one; the approved one cannot be rejected any more, and says so.
        var rejected = await BatchAsync(officer, [flagged.Str("id"), first.Str("id")], "reject", "不适合该客户的风险等级。");
        Assert.Equal(["Rejected", "Approved"], rejected.Select(r => r.Str("status")));
        Assert.Null(rejected[0]["error"]);
        Assert.Contains("Approved", rejected[1].Str("error"));
        Assert.True((await audit.VerifyAsync(null, CancellationToken.None)).Intact);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_bad_batch_is_a_problem_naming_the_field_and_only_compliance_may_send_one(string provider)
    {
        var officer = await apis.AsAsync(provider, KeyedApi.Officer);
        await ApiJson.AssertProblemAsync(await officer.PostAsJsonAsync("/v1/drafts/review-batch", new { draftIds = Array.Empty<string>(), decision = "approve" }), 400, "draftIds");
        await ApiJson.AssertProblemAsync(await officer.PostAsJsonAsync("/v1/drafts/review-batch", new { draftIds = new[] { "a", "a" }, decision = "approve" }), 400, "draftIds");
        await ApiJson.AssertProblemAsync(await officer.PostAsJsonAsync("/v1/drafts/review-batch", new { draftIds = new[] { "a" }, decision = "maybe" }), 400, "decision");
        await ApiJson.AssertProblemAsync(await officer.PostAsJsonAsync("/v1/drafts/review-batch", new { draftIds = new[] { "a" }, decision = "reject" }), 400, "comment");
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        Assert.Equal(HttpStatusCode.Forbidden, (await crm.PostAsJsonAsync("/v1/drafts/review-batch", new { draftIds = new[] { "a" }, decision = "approve" })).StatusCode);
    }

    private static async Task<IReadOnlyList<JsonObject>> BatchAsync(HttpClient officer, IEnumerable<string> ids, string decision, string comment) =>
        (await officer.PostJsonAsync("/v1/drafts/review-batch", new { draftIds = ids, decision, comment }))["results"]!.AsArray().Select(r => r!.AsObject()).ToList();
}
