using System.Net;
using System.Net.Http.Json;
using Copilot.Idempotency;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Drafting;

/// <summary>Drafting in template mode: stored for review with the advisor's footer, pre-checked, idempotent — on SQLite and PostgreSQL.</summary>
public sealed class DraftCreationTests(DatabaseApis apis) : IClassFixture<DatabaseApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_draft_waits_for_review_signed_by_the_advisor_and_labelled_template(string provider)
    {
        var client = await apis.ClientAsync(provider);
        var draft = await client.CreateDraftAsync(DraftRequests.MarketDrop());

        Assert.StartsWith("dft_", draft.Str("id"));
        Assert.Equal("PendingReview", draft.Str("status"));
        Assert.Equal("template", draft.Str("generator"));
        var text = draft.Str("text");
        Assert.StartsWith("张先生您好", text);
        Assert.Contains("王晓明", text);
        Assert.Contains("执业编号：S0000000000001", text);
        Assert.EndsWith("投资有风险，入市需谨慎。", text);
        Assert.True(text.Length < 500, $"WeChat messages stay under 500 characters: {text.Length}");
        Assert.Equal("pass", draft.Str("verdict"));
        Assert.Empty(draft["findings"]!.AsArray());
        Assert.Equal(0, draft["revisions"]!.GetValue<int>());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sms_drafts_stay_under_300_characters(string provider)
    {
        var draft = await (await apis.ClientAsync(provider)).CreateDraftAsync(DraftRequests.MarketDrop(channel: "sms"));
        Assert.True(draft.Str("text").Length < 300, draft.Str("text"));
        Assert.Contains("S0000000000001", draft.Str("text"));
    }

    public static TheoryData<string, string, string, string> Scenarios()
    {
        var rows = new TheoryData<string, string, string, string>();
        foreach (var scenario in Copilot.Drafting.ScenarioCatalog.All)
            foreach (var (channel, language) in new[] { ("sms", "zh-CN"), ("wechat", "en"), ("email", "zh-CN") })
                rows.Add(scenario.Kind, scenario.Code, channel, language);
        return rows;
    }

    // Template mode's texts are the firm's own: every scenario, in both languages, passes its own pre-check within the channel.
    [Theory, MemberData(nameof(Scenarios))]
    public async Task Every_scenarios_template_is_signed_fits_its_channel_and_passes_the_pre_check(string kind, string code, string channel, string language)
    {
        var limit = Copilot.Drafting.ChannelFormat.Find(channel)!.Limit;
        var draft = await (await apis.ClientAsync(TestDatabases.Sqlite)).CreateDraftAsync(new
        {
            advisorId = "demo-advisor",
            client = new
            {
                id = $"c-{code}-{channel}", name = language == "en" ? "Mr. Zhang" : "张先生", riskClass = "C3", horizonMonths = 36,
                holdings = new[] { new { code = "ES3001", name = "示例稳健配置混合", weight = 0.6, riskLevel = "R3" } }, language,
            },
            scenario = new { kind, code },
            channel,
            products = code == "product_launch" ? new[] { new { code = "ES3002", riskLevel = "R3" } } : null,
        });

        var text = draft.Str("text");
        Assert.True(text.Length < limit, $"{text.Length} ≥ {limit}: {text}");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "S0000000000001"));
        Assert.True(draft.Str("verdict") == "pass", $"{draft.Str("verdict")}: {string.Join(", ", draft.RuleIds())} in {text}");
        Assert.Equal(0, draft["revisions"]!.GetValue<int>());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_same_key_and_body_return_the_first_draft_and_another_body_is_refused(string provider)
    {
        var client = await apis.ClientAsync(provider);
        var key = Guid.NewGuid().ToString("N");
        var first = await (await client.PostDraftAsync(DraftRequests.MarketDrop(), key)).ReadObjectAsync();
        var retry = await client.PostDraftAsync(DraftRequests.MarketDrop(), key);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Str("id"), (await retry.ReadObjectAsync()).Str("id"));
        var list = await client.GetObjectAsync("/v1/drafts?advisorId=demo-advisor&pageSize=200");
        Assert.Single(list["drafts"]!.AsArray(), d => d!.Str("id") == first.Str("id"));

        await ApiJson.AssertProblemAsync(await client.PostDraftAsync(DraftRequests.MarketDrop(clientId: "c-other"), key), 422, "Idempotency-Key");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_key_left_reserved_by_a_crashed_request_is_taken_over_after_a_while_but_not_before(string provider)
    {
        var client = await apis.ClientAsync(provider);
        var contexts = (await apis.FactoryAsync(provider)).Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>();
        var body = DraftRequests.MarketDrop(clientId: "c-crashed");
        var fingerprint = IdempotencyStore.Fingerprint(System.Text.Json.JsonSerializer.Deserialize<Copilot.Drafting.DraftRequest>(
            System.Text.Json.JsonSerializer.Serialize(body, Copilot.Common.CopilotJson.Options), Copilot.Common.CopilotJson.Options));
        string Reserve(TimeSpan age)
        {
            var key = Guid.NewGuid().ToString("N");
            using var db = contexts.CreateDbContext();
            // What a process that died mid-request leaves behind: the reservation, no response. With keys off the caller is "local".
            db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = "drafts/local", Key = key, RequestSha256 = fingerprint, CreatedAtUtc = DateTime.UtcNow - age });
            db.SaveChanges();
            return key;
        }

        await ApiJson.AssertProblemAsync(await client.PostDraftAsync(body, Reserve(TimeSpan.FromMinutes(1))), 409, "state");
        var retried = await client.PostDraftAsync(body, Reserve(IdempotencyStore.AbandonedAfter + TimeSpan.FromMinutes(1)));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    [Fact]
    public async Task A_missing_idempotency_key_is_named() =>
        await ApiJson.AssertProblemAsync(await (await apis.ClientAsync(TestDatabases.Sqlite)).PostDraftAsync(DraftRequests.MarketDrop()), 400, "Idempotency-Key");

    [Fact]
    public async Task An_unknown_advisor_is_a_422_and_leaves_no_draft()
    {
        var client = await apis.ClientAsync(TestDatabases.Sqlite);
        await ApiJson.AssertProblemAsync(await client.PostDraftAsync(DraftRequests.MarketDrop(advisorId: "ghost"), Guid.NewGuid().ToString()), 422, "advisorId");
        Assert.Equal(0, (await client.GetObjectAsync("/v1/drafts?advisorId=ghost"))["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("client.riskClass")]
    public async Task Bad_fields_are_named(string field)
    {
        var client = await apis.ClientAsync(TestDatabases.Sqlite);
        await ApiJson.AssertProblemAsync(await client.PostDraftAsync(DraftRequests.MarketDrop(riskClass: "C9"), Guid.NewGuid().ToString()), 400, field);
        await ApiJson.AssertProblemAsync(await client.PostDraftAsync(new
        {
            advisorId = "demo-advisor", client = new { id = "c", name = "n", riskClass = "C2" }, scenario = new { kind = "investment", code = "moonshot" }, channel = "fax",
        }, Guid.NewGuid().ToString()), 400, "scenario.code");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_product_above_the_clients_class_is_flagged_after_one_revision_and_still_reviewed(string provider)
    {
        var draft = await (await apis.ClientAsync(provider)).CreateDraftAsync(DraftRequests.ProductLaunch(riskClass: "C2", productRisk: "R4"));
        Assert.Equal("fail", draft.Str("verdict"));
        Assert.Contains("CN-SUIT-01", draft.RuleIds());
        Assert.Equal(1, draft["revisions"]!.GetValue<int>());
        Assert.True(draft["flagged"]!.GetValue<bool>());
        Assert.Equal("PendingReview", draft.Str("status"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_suitable_product_launch_passes(string provider)
    {
        var draft = await (await apis.ClientAsync(provider)).CreateDraftAsync(DraftRequests.ProductLaunch(riskClass: "C4", productRisk: "R4"));
        Assert.DoesNotContain(draft["findings"]!.AsArray(), f => f!.Str("severity") == "block");
        Assert.Contains("ES4001", draft.Str("text"));
    }

    [Fact]
    public async Task Advisors_can_be_registered_and_then_draft()
    {
        var client = await apis.ClientAsync(TestDatabases.Sqlite);
        var created = await client.PutAsJsonAsync("/v1/advisors/a-777", new { name = "赵敏", registrationNumber = "S1234567890123", branch = "杭州营业部", firm = "示例证券" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await ApiJson.AssertProblemAsync(await client.PutAsJsonAsync("/v1/advisors/a-778", new { name = "x", registrationNumber = "123", firm = "示例证券" }), 400, "registrationNumber");

        var draft = await client.CreateDraftAsync(DraftRequests.MarketDrop(advisorId: "a-777"));
        Assert.Contains("赵敏（执业编号：S1234567890123）", draft.Str("text"));
    }
}
