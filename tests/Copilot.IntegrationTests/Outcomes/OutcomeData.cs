using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.Campaigns;
using Copilot.Drafting;
using Copilot.IntegrationTests.Clients;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Outcomes;

/// <summary>
/// A small firm whose dashboard figures are worked out by hand (see <see cref="DashboardFigureTests"/>): advisors A1 and A2 in
/// branch B1, A3 in branch B2, seven clients, six drafts and the CRM's events around a contact day C forty days ago. Ids carry
/// a per-test prefix, so tests sharing a service do not see each other's records.
/// </summary>
public sealed class OutcomeData(string prefix)
{
    public string Firm => $"{prefix}-firm";
    public string B1 => $"{prefix}-B1";
    public string B2 => $"{prefix}-B2";
    public string A1 => $"{prefix}-a1";
    public string A2 => $"{prefix}-a2";
    public string A3 => $"{prefix}-a3";
    public string Draft(int n) => $"dft_{prefix}_{n}";
    /// <summary>Campaign 1: A1's market_drop drafts d1 and d2; campaign 2: A2's reactivate draft d4. The other drafts are single.</summary>
    public string Campaign(int n) => $"cmp_{prefix}_{n}";

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    /// <summary>The contact day: every follow-up window (30 days) has closed by today.</summary>
    public static DateOnly C => Today.AddDays(-40);
    public static string At(int days, int hour = 10) => C.AddDays(days).ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ");
    private static string Day(int days) => C.AddDays(days).ToString("yyyy-MM-dd");

    public async Task SeedAsync(HttpClient crm, CopilotApiFactory factory)
    {
        foreach (var (advisor, branch, n) in new[] { (A1, B1, 1), (A2, B1, 2), (A3, B2, 3) })
        {
            var put = await crm.PutAsJsonAsync($"/v1/advisors/{advisor}", new { name = $"投顾{n}", registrationNumber = $"S000000000010{n}", branch, firm = Firm });
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }
        object Client(string advisor, string id, int? loginDaysBeforeC, double assets) => new
        {
            clientId = id, advisorId = advisor, name = "客户" + id[^2..], riskClass = "C3", totalAssets = assets,
            lastLoginOn = loginDaysBeforeC is { } d ? Day(-d) : null,
        };
        var imported = await crm.ImportedAsync(ClientImports.JsonLines(
            Client(A1, "c1", 200, 10_000), Client(A1, "c2", 10, 80_000), Client(A1, "c3", 100, 30_000),
            Client(A2, "c4", 95, 45_000), Client(A2, "c5", null, 5_000),
            Client(A3, "c6", 300, 20_000), Client(A3, "c7", 89, 60_000)), "application/x-ndjson");
        Assert.Equal(7, imported.Int("inserted"));

        // Drafts straight into the records, so their pre-check outcome, status and review time are known exactly.
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var created = DateTime.UtcNow.AddDays(-1);
            Campaign K(int n, string advisor, string scenario, int hoursAgo) => new()
            {
                Id = Campaign(n), AdvisorId = advisor, ScenarioKind = "investment", ScenarioCode = scenario, Channel = "wechat", AudienceJson = "{}",
                Status = CampaignStatus.Completed, Total = 2, CreatedBy = "crm", CreatedAtUtc = created.AddHours(-hoursAgo),
            };
            db.Campaigns.AddRange(K(1, A1, "market_drop", 2), K(2, A2, "reactivate", 1));
            Draft D(int n, string advisor, string client, string scenario, DraftStatus status, double? reviewSeconds, int revisions = 0, bool flagged = false,
                int? campaign = null) => new()
            {
                Id = Draft(n), AdvisorId = advisor, ClientId = client, ScenarioKind = "investment", ScenarioCode = scenario, Channel = "wechat",
                Language = "zh-CN", ClientRiskClass = "C3", ProductsJson = "[]", Status = status, Text = "示例", CitationsJson = "[]",
                FindingsJson = "[]", Verdict = flagged ? "fail" : "pass", Generator = "template", Revisions = revisions, Flagged = flagged,
                Version = 1, CreatedAtUtc = created, UpdatedAtUtc = created, CampaignId = campaign is { } k ? Campaign(k) : null,
                DecidedAtUtc = reviewSeconds is { } s ? created.AddSeconds(s) : null, ReviewSeconds = reviewSeconds,
            };
            db.Drafts.AddRange(
                D(1, A1, "c1", "market_drop", DraftStatus.Approved, 600, campaign: 1),
                D(2, A1, "c2", "market_drop", DraftStatus.Approved, 1_500, campaign: 1),
                D(3, A1, "c3", "dividend", DraftStatus.Rejected, 300, revisions: 1),
                D(4, A2, "c4", "reactivate", DraftStatus.Approved, 2_400, campaign: 2),
                D(6, A3, "c6", "reactivate", DraftStatus.Approved, 900),
                D(7, A3, "c7", "reactivate", DraftStatus.PendingReview, null, revisions: 1, flagged: true));
            await db.SaveChangesAsync();
        }

        object E(string id, string advisor, string client, string kind, string at, string? draft = null, double? amount = null) =>
            new { id = $"{prefix}-{id}", advisorId = advisor, clientId = client, draftId = draft, kind, at, amount };
        var events = new[]
        {
            E("e1", A1, "c1", "sent", At(0), Draft(1)), E("e2", A1, "c1", "opened", At(1), Draft(1)), E("e3", A1, "c1", "replied", At(2), Draft(1)),
            E("e4", A1, "c1", "traded", At(5)), E("e5", A1, "c1", "deposited", At(6), amount: 45_000),
            E("e6", A1, "c2", "sent", At(1), Draft(2)), E("e7", A1, "c2", "opened", At(3), Draft(2)), E("e8", A1, "c2", "traded", At(4)),
            E("e9", A1, "c2", "deposited", At(39), amount: 10_000),
            E("e10", A1, "c3", "sent", At(2)), E("e11", A1, "c3", "traded", At(33)), E("e12", A1, "c3", "deposited", At(10), amount: 15_000),
            E("e13", A2, "c4", "sent", At(0), Draft(4)), E("e14", A2, "c4", "deposited", At(3), amount: 3_000),
            E("e15", A2, "c4", "deposited", At(20), amount: 2_000), E("e16", A2, "c4", "traded", At(30)), E("e17", A2, "c4", "sent", At(10)),
            E("e23", A2, "c5", "deposited", At(1), amount: 9_999),
            E("e18", A3, "c6", "logged_in", At(-5)), E("e19", A3, "c6", "sent", At(0), Draft(6)), E("e20", A3, "c6", "traded", At(2)),
            E("e21", A3, "c6", "replied", At(1), Draft(6)), E("e22", A3, "c7", "sent", At(-30)),
        };
        var result = await crm.PostJsonAsync("/v1/events", events);
        Assert.True(result.Int("stored") == events.Length, result.ToJsonString());
    }

    public static async Task<JsonObject> DashboardAsync(HttpClient client, string level, string? id, DateOnly? from = null)
    {
        var query = $"/v1/dashboard?level={level}&from={(from ?? C.AddDays(-1)):yyyy-MM-dd}&to={Today:yyyy-MM-dd}" + (id is null ? "" : $"&id={Uri.EscapeDataString(id)}");
        var response = await client.GetAsync(query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query} → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
