using System.Net;
using System.Net.Http.Json;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Drafting;

/// <summary>The review workflow and what it writes on the audit trail, on SQLite and PostgreSQL.</summary>
public sealed class ReviewWorkflowTests(DatabaseApis apis) : IClassFixture<DatabaseApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Approve_then_sent_with_every_step_audited(string provider)
    {
        var client = await apis.ClientAsync(provider);
        var id = (await client.CreateDraftAsync(DraftRequests.MarketDrop())).Str("id");

        var approved = await (await client.ReviewAsync(id, "approve", "内容合规")).ReadObjectAsync();
        Assert.Equal("Approved", approved.Str("status"));
        await ApiJson.AssertProblemAsync(await client.ReviewAsync(id, "reject", "晚了"), 409, "state");
        var sent = await (await client.PostAsJsonAsync($"/v1/drafts/{id}/sent", new { channelMessageId = "wx-1" })).ReadObjectAsync();
        Assert.Equal("Sent", sent.Str("status"));

        var audit = await client.GetFromJsonAsync<List<AuditEntry>>($"/v1/drafts/{id}/audit", ApiJson.Web);
        Assert.Equal(["created", "approve", "sent"], audit!.Select(a => a.Action));
        Assert.Equal(["demo-advisor", "officer-1", "crm"], audit!.Select(a => a.Actor));
        Assert.True((await client.GetObjectAsync("/v1/audit/verify"))["intact"]!.GetValue<bool>());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Changes_requested_then_revised_returns_to_review_with_the_footer_once(string provider)
    {
        var client = await apis.ClientAsync(provider);
        var id = (await client.CreateDraftAsync(DraftRequests.MarketDrop())).Str("id");
        Assert.Equal("ChangesRequested", (await (await client.ReviewAsync(id, "request_changes", "语气再温和一些")).ReadObjectAsync()).Str("status"));
        await ApiJson.AssertProblemAsync(await client.PostAsJsonAsync($"/v1/drafts/{id}/sent", new { }), 409, "state");

        var revised = await (await client.PostAsJsonAsync($"/v1/drafts/{id}/revise", new { advisorId = "demo-advisor", text = "张先生您好，今天市场波动较大，您不必着急做决定，我随时可以和您一起回顾持仓。" })).ReadObjectAsync();
        Assert.Equal("PendingReview", revised.Str("status"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(revised.Str("text"), "执业编号"));
        Assert.Equal(3, revised["version"]!.GetValue<int>());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_edit_is_rechecked_and_recorded_and_a_failing_edit_is_refused(string provider)
    {
        var client = await apis.ClientAsync(provider);
        var id = (await client.CreateDraftAsync(DraftRequests.MarketDrop())).Str("id");

        await ApiJson.AssertProblemAsync(await client.ReviewAsync(id, "approve", "改写", "张先生您好，这只基金保本保收益，稳赚不赔。"), 422, "editedText");
        // The request listed no products, but the catalog knows ES4002 is R4: above this C3 client.
        var aboveClass = await client.ReviewAsync(id, "approve", "改写", "张先生您好，建议逢低关注ES4002。风险提示：行业集中度高，净值波动大，可能亏损。");
        await ApiJson.AssertProblemAsync(aboveClass, 422, "editedText");
        Assert.Contains("CN-SUIT-01", await aboveClass.Content.ReadAsStringAsync());
        var edited = await (await client.ReviewAsync(id, "approve", "润色", "张先生您好，今日市场调整，建议结合自身风险承受能力审视配置。投资有风险。")).ReadObjectAsync();
        Assert.Equal("Approved", edited.Str("status"));
        Assert.StartsWith("张先生您好，今日市场调整", edited.Str("text"));
        // A reviewer's edit cannot drop the advisor's identity: the footer is put back, once.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(edited.Str("text"), "执业编号：S0000000000001"));
        Assert.EndsWith("投资有风险，入市需谨慎。", edited.Str("text"));

        var audit = await client.GetFromJsonAsync<List<AuditEntry>>($"/v1/drafts/{id}/audit", ApiJson.Web);
        Assert.Equal(["created", "edited", "approve"], audit!.Select(a => a.Action));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Text_people_write_that_does_not_fit_the_channel_is_refused_not_cut(string provider)
    {
        var client = await apis.ClientAsync(provider);
        var id = (await client.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-sms", channel: "sms"))).Str("id");
        var tooLong = string.Concat(Enumerable.Repeat("市场短期波动难以预测，建议您结合自身情况审视配置。", 12));

        await ApiJson.AssertProblemAsync(await client.ReviewAsync(id, "approve", "改写", tooLong), 422, "editedText");
        (await client.ReviewAsync(id, "request_changes", "太长了")).EnsureSuccessStatusCode();
        await ApiJson.AssertProblemAsync(
            await client.PostAsJsonAsync($"/v1/drafts/{id}/revise", new { advisorId = "demo-advisor", text = tooLong }), 422, "text");

        var fitting = await client.PostJsonAsync($"/v1/drafts/{id}/revise", new { advisorId = "demo-advisor", text = "张先生您好，市场短期波动难以预测，建议结合自身情况审视配置。" });
        Assert.True(fitting.Str("text").Length < 300, fitting.Str("text"));
        Assert.EndsWith("投资有风险，入市需谨慎。", fitting.Str("text"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_queue_filters_by_status_and_advisor_and_pages_newest_first(string provider)
    {
        var client = await apis.ClientAsync(provider);
        (await client.PutAsJsonAsync("/v1/advisors/a-queue", new { name = "孙丽", registrationNumber = "S0000000000042", firm = "示例证券" })).EnsureSuccessStatusCode();
        var ids = new List<string>();
        foreach (var clientId in new[] { "q-1", "q-2", "q-3" })
            ids.Add((await client.CreateDraftAsync(DraftRequests.MarketDrop(clientId, advisorId: "a-queue"))).Str("id"));
        (await client.ReviewAsync(ids[1], "approve", "合规")).EnsureSuccessStatusCode();
        await client.CreateDraftAsync(DraftRequests.MarketDrop("q-other")); // another advisor's draft stays out

        const string pending = "/v1/drafts?status=PendingReview&advisorId=a-queue&pageSize=1";
        var first = await client.GetObjectAsync(pending + "&page=1");
        var second = await client.GetObjectAsync(pending + "&page=2");
        var beyond = await client.GetObjectAsync(pending + "&page=3");
        Assert.Equal(2, first["total"]!.GetValue<int>());
        Assert.Equal([ids[2]], first["drafts"]!.AsArray().Select(d => d!.Str("id")));
        Assert.Equal([ids[0]], second["drafts"]!.AsArray().Select(d => d!.Str("id")));
        Assert.Empty(beyond["drafts"]!.AsArray());
        var approved = await client.GetObjectAsync("/v1/drafts?status=Approved&advisorId=a-queue");
        Assert.Equal([ids[1]], approved["drafts"]!.AsArray().Select(d => d!.Str("id")));

        await ApiJson.AssertProblemAsync(await client.GetAsync("/v1/drafts?status=Shipped"), 400, "status");
        await ApiJson.AssertProblemAsync(await client.GetAsync("/v1/drafts?page=0"), 400, "page");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_reviewers_deciding_at_once_exactly_one_wins(string provider)
    {
        var client = await apis.ClientAsync(provider);
        var id = (await client.CreateDraftAsync(DraftRequests.MarketDrop())).Str("id");
        var decisions = await Task.WhenAll(client.ReviewAsync(id, "approve", "可以"), client.ReviewAsync(id, "reject", "不行"));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], decisions.Select(d => d.StatusCode).Order());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_stale_version_is_a_conflict_and_the_concurrency_token_guards_the_row(string provider)
    {
        var client = await apis.ClientAsync(provider);
        var id = (await client.CreateDraftAsync(DraftRequests.MarketDrop())).Str("id");
        var stale = await client.PostAsJsonAsync($"/v1/drafts/{id}/review", new { reviewerId = "officer-2", decision = "approve", expectedVersion = 7 });
        await ApiJson.AssertProblemAsync(stale, 409, "state");

        // Two writers that both read version 1: the database accepts the first save only.
        var contexts = (await apis.FactoryAsync(provider)).Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>();
        await using var first = await contexts.CreateDbContextAsync();
        await using var second = await contexts.CreateDbContextAsync();
        var a = await first.Drafts.SingleAsync(d => d.Id == id);
        var b = await second.Drafts.SingleAsync(d => d.Id == id);
        a.ReviewComment = "first"; a.Version++;
        b.ReviewComment = "second"; b.Version++;
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    private sealed record AuditEntry(long Id, string Action, string Actor, string Hash, string PreviousHash);
}
