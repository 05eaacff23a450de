using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Clients;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Outcomes;

/// <summary>
/// GET /v1/dashboard on <see cref="OutcomeData"/>, every figure worked out by hand from the definitions (threshold ¥50,000,
/// dormant after 90 days without a login, 30 follow-up days), on SQLite and PostgreSQL.
/// </summary>
public sealed class DashboardFigureTests(KeyedDatabaseApis apis) : IClassFixture<KeyedDatabaseApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    /// <summary>contacts, served, opened, replied, reactivated, recalled, assets.</summary>
    private static (long, long, long, long, long, long, double) Outcomes(JsonNode f) => (
        f["contacts"]!.GetValue<long>(), f["clientsServed"]!.GetValue<long>(), f["opened"]!.GetValue<long>(), f["replied"]!.GetValue<long>(),
        f["reactivated"]!.GetValue<long>(), f["recalled"]!.GetValue<long>(), f["assetsBroughtIn"]!.GetValue<double>());

    /// <summary>clients, generated, approved, rejected, pending, sent, blocked, flagged.</summary>
    private static (long, long, long, long, long, long, long, long) Drafts(JsonNode f) => (
        f["clients"]!.GetValue<long>(), f["drafts"]!["generated"]!.GetValue<long>(), f["drafts"]!["approved"]!.GetValue<long>(),
        f["drafts"]!["rejected"]!.GetValue<long>(), f["drafts"]!["pending"]!.GetValue<long>(), f["drafts"]!["sent"]!.GetValue<long>(),
        f["compliance"]!["blocked"]!.GetValue<long>(), f["compliance"]!["flagged"]!.GetValue<long>());

    private static JsonNode Row(JsonObject dashboard, string list, string id) =>
        dashboard[list]!.AsArray().Single(r => r!["id"]?.GetValue<string>() == id)!["figures"]!;

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_advisor_branch_and_the_firm_show_the_hand_computed_figures_and_the_levels_add_up(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var data = new OutcomeData($"fig{provider[..2].ToLowerInvariant()}");
        await data.SeedAsync(crm, await apis.FactoryAsync(provider));
        var officer = await apis.AsAsync(provider, KeyedApi.Officer);

        // A1: c1 dormant, contacted, traded on day 5 and deposited 45,000 (10,000 + 45,000 reaches the threshold: recalled);
        // c2 active, its day-39 deposit is past the window; c3 dormant but traded on day 33, past its contact's 30 days,
        // and deposited 15,000 (30,000 + 15,000 stays below the threshold).
        var a1 = await OutcomeData.DashboardAsync(officer, "advisor", data.A1);
        Assert.Equal((3L, 3L, 2L, 1L, 1L, 1L, 60_000.0), Outcomes(a1["totals"]!));
        Assert.Equal((3L, 3L, 2L, 1L, 0L, 2L, 1L, 0L), Drafts(a1["totals"]!));
        Assert.Equal(0.3333, a1["totals"]!["compliance"]!["blockRate"]!.GetValue<double>(), 4);
        // Review times 600, 1,500 and 300 s: the median is 600 s.
        Assert.Equal(10.0, a1["totals"]!["compliance"]!["medianReviewMinutes"]!.GetValue<double>(), 2);
        Assert.Empty(a1["rows"]!.AsArray());

        // A2: c4 contacted twice (day 0 and day 10): one client served; the traded event exactly 30 days after the first contact
        // counts; 3,000 + 2,000 deposited, each once, bring 45,000 up to exactly 50,000; c5's deposit follows no contact.
        var a2 = await OutcomeData.DashboardAsync(officer, "advisor", data.A2);
        Assert.Equal((2L, 1L, 0L, 0L, 1L, 1L, 5_000.0), Outcomes(a2["totals"]!));
        Assert.Equal((2L, 1L, 1L, 0L, 0L, 1L, 0L, 0L), Drafts(a2["totals"]!));

        // A3: c6's portrait says no login for 300 days, but a logged_in event five days before the contact makes it active, so
        // its trade is no reactivation; c7's contact is before the window.
        var a3 = await OutcomeData.DashboardAsync(officer, "advisor", data.A3);
        Assert.Equal((1L, 1L, 0L, 1L, 0L, 0L, 0.0), Outcomes(a3["totals"]!));
        Assert.Equal((2L, 2L, 1L, 0L, 1L, 1L, 1L, 1L), Drafts(a3["totals"]!));

        var b1 = await OutcomeData.DashboardAsync(officer, "branch", data.B1);
        Assert.Equal((5L, 4L, 2L, 1L, 2L, 2L, 65_000.0), Outcomes(b1["totals"]!));
        Assert.Equal((5L, 4L, 3L, 1L, 0L, 3L, 1L, 0L), Drafts(b1["totals"]!));
        // 300, 600, 1,500, 2,400 s: the median is (600 + 1,500) / 2 = 1,050 s.
        Assert.Equal(17.5, b1["totals"]!["compliance"]!["medianReviewMinutes"]!.GetValue<double>(), 2);
        Assert.Equal([data.A1, data.A2], b1["rows"]!.AsArray().Select(r => r!.Str("id")));

        var firm = await OutcomeData.DashboardAsync(officer, "firm", data.Firm);
        Assert.Equal((6L, 5L, 2L, 2L, 2L, 2L, 65_000.0), Outcomes(firm["totals"]!));
        Assert.Equal((7L, 6L, 4L, 1L, 1L, 4L, 2L, 1L), Drafts(firm["totals"]!));
        Assert.Equal(15.0, firm["totals"]!["compliance"]!["medianReviewMinutes"]!.GetValue<double>(), 2);

        // The levels add up: the firm's branch rows are the branches' totals, the branches' are their advisors'.
        Assert.Equal(Outcomes(b1["totals"]!), Outcomes(Row(firm, "rows", data.B1)));
        Assert.Equal(Drafts(b1["totals"]!), Drafts(Row(firm, "rows", data.B1)));
        var b2 = await OutcomeData.DashboardAsync(officer, "branch", data.B2);
        Assert.Equal(Outcomes(a3["totals"]!), Outcomes(b2["totals"]!));
        foreach (var advisor in new[] { data.A1, data.A2, data.A3 })
            Assert.Equal(Outcomes((await OutcomeData.DashboardAsync(officer, "advisor", advisor))["totals"]!), Outcomes(Row(firm, "advisors", advisor)));

        // Funnels by scenario: market_drop (d1, d2), reactivate (d4, d6), and the contacts without a draft (c3 — its trade is
        // too late — and c4's second contact, followed by the day-30 trade).
        var funnels = firm["funnels"]!.AsArray().ToDictionary(f => f!["key"]?.GetValue<string>() ?? "(none)",
            f => (f!["sent"]!.GetValue<long>(), f["opened"]!.GetValue<long>(), f["replied"]!.GetValue<long>(), f["traded"]!.GetValue<long>()));
        Assert.Equal((2L, 2L, 1L, 2L), funnels["market_drop"]);
        Assert.Equal((2L, 0L, 1L, 2L), funnels["reactivate"]);
        Assert.Equal((2L, 0L, 0L, 1L), funnels["(none)"]);
        Assert.Equal(3, funnels.Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_window_that_starts_after_the_contact_day_leaves_those_contacts_and_their_outcomes_out(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var data = new OutcomeData($"win{provider[..2].ToLowerInvariant()}");
        await data.SeedAsync(crm, await apis.FactoryAsync(provider));
        // From day 1: A1 keeps c2's contact (day 1) and c3's (day 2); c1's (day 0) and its reactivation, deposit and recall go.
        var a1 = await OutcomeData.DashboardAsync(crm, "advisor", data.A1, from: OutcomeData.C.AddDays(1));
        Assert.Equal((2L, 2L, 1L, 0L, 0L, 0L, 15_000.0), Outcomes(a1["totals"]!));
    }
}
