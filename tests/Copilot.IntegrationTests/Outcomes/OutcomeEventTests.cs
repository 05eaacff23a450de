using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.Drafting;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Clients;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Outcomes;

/// <summary>POST /v1/events, the sent confirmation's contact, and who may read which dashboard, on SQLite and PostgreSQL.</summary>
public sealed class OutcomeEventTests(KeyedDatabaseApis apis) : IClassFixture<KeyedDatabaseApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly string Yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ssZ");

    private async Task<(HttpClient Crm, IDbContextFactory<CopilotDbContext> Contexts)> SetUpAsync(string provider, string prefix)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var rows = new List<object>();
        foreach (var advisor in new[] { "demo-advisor", "a-qian" })
            for (var i = 1; i <= 2; i++) rows.Add(new { clientId = $"{prefix}-{advisor[..2]}-{i}", advisorId = advisor, name = "测试客户", riskClass = "C3", totalAssets = 1000.0 });
        await crm.ImportedAsync(ClientImports.JsonLines([.. rows]), "application/x-ndjson");
        return (crm, (await apis.FactoryAsync(provider)).Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>());
    }

    private static async Task AddDraftAsync(IDbContextFactory<CopilotDbContext> contexts, string id, string advisor, string client, DraftStatus status)
    {
        await using var db = await contexts.CreateDbContextAsync();
        db.Drafts.Add(new Draft
        {
            Id = id, AdvisorId = advisor, ClientId = client, ScenarioKind = "investment", ScenarioCode = "market_drop", Channel = "wechat", Language = "zh-CN",
            ClientRiskClass = "C3", ProductsJson = "[]", Status = status, Text = "示例", CitationsJson = "[]", FindingsJson = "[]", Verdict = "pass",
            Generator = "template", Version = 1, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_same_event_twice_is_stored_once_and_its_id_with_another_body_is_a_409(string provider)
    {
        var (crm, contexts) = await SetUpAsync(provider, "idem");
        var deposit = new { id = "crm-evt-1", advisorId = "demo-advisor", clientId = "idem-de-1", kind = "deposited", at = Yesterday, amount = 20_000.0 };
        var first = await crm.PostJsonAsync("/v1/events", deposit);
        Assert.Equal((1, 1, 0), (first.Int("received"), first.Int("stored"), first.Int("duplicates")));
        var again = await crm.PostJsonAsync("/v1/events", deposit);
        Assert.Equal((0, 1), (again.Int("stored"), again.Int("duplicates")));

        var changed = await crm.PostAsJsonAsync("/v1/events", deposit with { amount = 30_000.0 });
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);
        // In a batch the conflict is one rejected event, and the batch's other event is stored.
        var batch = await crm.PostJsonAsync("/v1/events", new object[]
        {
            deposit with { amount = 30_000.0 },
            deposit with { id = "crm-evt-2" },
        });
        Assert.Equal((1, 1), (batch.Int("stored"), batch.Int("rejected")));
        Assert.Equal((0, "id"), (batch["rejectedEvents"]![0]!.Int("index"), batch["rejectedEvents"]![0]!.Str("field")));

        // The same id is another advisor's own event: ids are per advisor.
        var qian = await crm.PostJsonAsync("/v1/events", deposit with { advisorId = "a-qian", clientId = "idem-a--1" });
        Assert.Equal(1, qian.Int("stored"));

        await using var db = await contexts.CreateDbContextAsync();
        var stored = await db.OutcomeEvents.Where(e => e.Id == "crm-evt-1").ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.Equal(20_000.0, stored.Single(e => e.AdvisorId == "demo-advisor").Amount);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_batch_commits_its_good_events_and_names_each_bad_one_by_index_and_field_without_values(string provider)
    {
        var (crm, contexts) = await SetUpAsync(provider, "bat");
        await AddDraftAsync(contexts, $"dft_bat_{provider}_ok", "demo-advisor", "bat-de-1", DraftStatus.Approved);
        await AddDraftAsync(contexts, $"dft_bat_{provider}_wait", "demo-advisor", "bat-de-1", DraftStatus.PendingReview);
        object E(string id, string kind = "opened", string client = "bat-de-1", string? advisor = "demo-advisor", object? at = null, string? draft = null, double? amount = null) =>
            new { id = $"bat-{id}", advisorId = advisor, clientId = client, kind, at = at ?? Yesterday, draftId = draft, amount };
        var response = await crm.PostAsJsonAsync("/v1/events", new object[]
        {
            E("0", "logged_in"),
            E("1", "clicked"),
            new { id = "bat-2", advisorId = "demo-advisor", clientId = "bat-de-1", kind = "traded" },
            E("3", "deposited"),
            E("4", client: "秘密客户编号"),
            E("5", draft: $"dft_bat_{provider}_ok", client: "bat-de-2"),
            E("6", "sent", draft: $"dft_bat_{provider}_wait"),
            E("7", at: "yesterday"),
            E("8", at: DateTime.UtcNow.AddDays(2).ToString("O")),
            E("9", "sent", draft: $"dft_bat_{provider}_ok"),
            E("10", "sent", draft: $"dft_bat_{provider}_ok"),
            42,
            E("12", advisor: null),
            E("13", "opened", amount: 5),
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((14, 2, 12), (result.Int("received"), result.Int("stored"), result.Int("rejected")));
        Assert.Equal(
            [(1, "kind"), (2, "at"), (3, "amount"), (4, "clientId"), (5, "draftId"), (6, "draftId"), (7, "at"), (8, "at"), (10, "draftId"), (11, "event"), (12, "advisorId"), (13, "amount")],
            result["rejectedEvents"]!.AsArray().Select(r => (r!.Int("index"), r!.Str("field"))));
        Assert.DoesNotContain("秘密客户编号", text);

        await using var db = await contexts.CreateDbContextAsync();
        Assert.Equal(["bat-0", "bat-9"], await db.OutcomeEvents.Where(e => e.Id.StartsWith("bat-")).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        // One audit entry for the batch, with counts and no client's id.
        var entry = await db.AuditRecords.SingleAsync(r => r.EntityType == "outcome_events" && r.EntityId == result.Str("id"));
        Assert.Equal("crm-prod", entry.Actor);
        Assert.Contains("\"stored\":2", entry.DetailsJson);
        Assert.DoesNotContain("bat-de-1", entry.DetailsJson);
        var verify = await (await apis.AsAsync(provider, KeyedApi.Officer)).GetObjectAsync("/v1/audit/verify");
        Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_contact_is_stamped_dormant_from_the_last_login_known_before_it(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var contact = DateTime.UtcNow.Date.AddDays(-10).AddHours(9);
        var day = DateOnly.FromDateTime(contact);
        object Client(string id, DateOnly? login) => new { clientId = id, advisorId = "a-qian", name = "测试", riskClass = "C2", totalAssets = 12_345.5, lastLoginOn = login?.ToString("yyyy-MM-dd") };
        await crm.ImportedAsync(ClientImports.JsonLines(
            Client("dz-90", day.AddDays(-90)), Client("dz-89", day.AddDays(-89)), Client("dz-never", null), Client("dz-later", day.AddDays(5)),
            Client("dz-event", day.AddDays(-400))), "application/x-ndjson");
        var at = contact.ToString("yyyy-MM-ddTHH:mm:ssZ");
        object Sent(string client) => new { id = $"dz-sent-{client}", advisorId = "a-qian", clientId = client, kind = "sent", at };
        var result = await crm.PostJsonAsync("/v1/events", new[]
        {
            Sent("dz-90"), Sent("dz-89"), Sent("dz-never"), Sent("dz-later"),
            new { id = "dz-login", advisorId = "a-qian", clientId = "dz-event", kind = "logged_in", at = contact.AddDays(-30).ToString("O") },
            Sent("dz-event"),
        });
        Assert.Equal(6, result.Int("stored"));

        var contexts = (await apis.FactoryAsync(provider)).Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var stamped = await db.OutcomeEvents.Where(e => e.AdvisorId == "a-qian" && e.Id.StartsWith("dz-sent-")).ToDictionaryAsync(e => e.ClientId);
        // 90 days without a login is dormant, 89 is not; never logged in is dormant; a portrait whose last login is after the
        // contact says nothing about before it: not claimed as dormant; a login event 30 days before (portrait: 400) is active.
        Assert.Equal([true, false, true, false, false],
            new[] { "dz-90", "dz-89", "dz-never", "dz-later", "dz-event" }.Select(c => stamped[c].DormantAtContact!.Value));
        Assert.Equal(12_345.5, stamped["dz-90"].AssetsAtContact);
        Assert.Equal(contact.AddDays(30), DateTime.SpecifyKind(stamped["dz-90"].FollowUntilUtc!.Value, DateTimeKind.Utc));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_advisors_key_records_its_own_clients_events_only(string provider)
    {
        var (_, contexts) = await SetUpAsync(provider, "own");
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        var result = await wang.PostJsonAsync("/v1/events", new object[]
        {
            new { id = "own-1", clientId = "own-de-1", kind = "replied", at = Yesterday },
            new { id = "own-2", advisorId = "a-qian", clientId = "own-a--1", kind = "replied", at = Yesterday },
            new { id = "own-3", clientId = "own-a--1", kind = "replied", at = Yesterday },
        });
        Assert.Equal(1, result.Int("stored"));
        Assert.Equal([(1, "advisorId"), (2, "clientId")], result["rejectedEvents"]!.AsArray().Select(r => (r!.Int("index"), r!.Str("field"))));
        await using var db = await contexts.CreateDbContextAsync();
        Assert.Equal("demo-advisor", (await db.OutcomeEvents.SingleAsync(e => e.Id == "own-1")).AdvisorId);

        var content = await apis.AsAsync(provider, KeyedApi.Content);
        Assert.Equal(HttpStatusCode.Forbidden, (await content.PostAsJsonAsync("/v1/events", new { id = "own-9" })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_reviewed_draft_marked_sent_is_a_contact_with_its_review_time_and_is_not_sent_twice(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var advisor = $"sent-{provider}";
        (await crm.PutAsJsonAsync($"/v1/advisors/{advisor}", new { name = "孙投顾", registrationNumber = "S0000000000777", branch = "测试营业部", firm = "示例证券" })).EnsureSuccessStatusCode();
        var draft = await crm.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "sent-c1", advisorId: advisor));
        var id = draft.Str("id");
        var officer = await apis.AsAsync(provider, KeyedApi.Officer);
        var approve = await officer.PostAsJsonAsync($"/v1/drafts/{id}/review", new { decision = "approve", comment = "内容合规，可以发送" });
        Assert.True(approve.IsSuccessStatusCode, await approve.Content.ReadAsStringAsync());
        (await crm.PostAsJsonAsync($"/v1/drafts/{id}/sent", new { channelMessageId = "wx-1" })).EnsureSuccessStatusCode();

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var dashboard = await officer.GetObjectAsync($"/v1/dashboard?level=advisor&id={advisor}&from={today}&to={today}");
        var totals = dashboard["totals"]!;
        Assert.Equal((1L, 1L, 1L, 1L, 1L), (totals["drafts"]!["generated"]!.GetValue<long>(), totals["drafts"]!["approved"]!.GetValue<long>(),
            totals["drafts"]!["sent"]!.GetValue<long>(), totals["contacts"]!.GetValue<long>(), totals["compliance"]!["reviewed"]!.GetValue<long>()));
        Assert.True(totals["compliance"]!["medianReviewMinutes"]!.GetValue<double>() >= 0);

        // The CRM reporting the same send again under its own id is refused: a draft is sent once.
        var twice = await crm.PostAsJsonAsync("/v1/events", new { id = "crm-send-1", advisorId = advisor, clientId = "sent-c1", draftId = id, kind = "sent", at = DateTime.UtcNow.ToString("O") });
        await ApiJson.AssertProblemAsync(twice, 422, "draftId");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_advisor_sees_only_its_own_advisor_level_and_bad_parameters_are_problems_naming_them(string provider)
    {
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        var own = await wang.GetObjectAsync("/v1/dashboard?level=advisor");
        Assert.Equal("demo-advisor", own["advisors"]![0]!.Str("id"));
        await ApiJson.AssertProblemAsync(await wang.GetAsync("/v1/dashboard?level=firm"), 403, "level");
        await ApiJson.AssertProblemAsync(await wang.GetAsync("/v1/dashboard?level=branch&id=x"), 403, "level");
        await ApiJson.AssertProblemAsync(await wang.GetAsync("/v1/dashboard?level=advisor&id=a-qian"), 403, "id");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await apis.AsAsync(provider, KeyedApi.Content)).GetAsync("/v1/dashboard?level=firm")).StatusCode);

        var officer = await apis.AsAsync(provider, KeyedApi.Officer);
        await officer.GetObjectAsync("/v1/dashboard?level=firm");
        await ApiJson.AssertProblemAsync(await officer.GetAsync("/v1/dashboard?level=region"), 400, "level");
        await ApiJson.AssertProblemAsync(await officer.GetAsync("/v1/dashboard?level=branch"), 400, "id");
        await ApiJson.AssertProblemAsync(await officer.GetAsync("/v1/dashboard?level=firm&from=2026-11-30&to=2026-11-01"), 400, "from");
        await ApiJson.AssertProblemAsync(await officer.GetAsync("/v1/dashboard?level=firm&from=2020-01-01&to=2026-11-01"), 400, "to");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/v1/dashboard?level=advisor&id=nobody")).StatusCode);
    }
}
