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

    /// <summary>Each campaign's sent, opened, replied, traded; the contacts outside any campaign under "(none)".</summary>
    private static Dictionary<string, (long, long, long, long)> CampaignFunnels(JsonObject dashboard) =>
        dashboard["campaignFunnels"]!.AsArray().ToDictionary(f => f!["campaignId"]?.GetValue<string>() ?? "(none)",
            f => (f!["sent"]!.GetValue<long>(), f["opened"]!.GetValue<long>(), f["replied"]!.GetValue<long>(), f["traded"]!.GetValue<long>()));

    [Theory, MemberData(nameof(Providers))]
    public async Task Campaign_funnels_follow_each_campaigns_contacts_within_the_level_and_window_and_add_up_across_levels(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var data = new OutcomeData($"cmp{provider[..2].ToLowerInvariant()}");
        await data.SeedAsync(crm, await apis.FactoryAsync(provider));
        var officer = await apis.AsAsync(provider, KeyedApi.Officer);

        // Campaign 1 (A1): d1 sent, opened, replied, c1 traded on day 5; d2 sent, opened, c2 traded on day 4. Campaign 2 (A2): d4
        // sent, c4 traded on day 30 (the window's last day). Outside campaigns: d6 (A3, replied, traded on day 2), c3's contact
        // without a draft (its trade too late), c4's second contact without a draft (the day-30 trade follows it too).
        var firm = await OutcomeData.DashboardAsync(officer, "firm", data.Firm);
        var funnels = CampaignFunnels(firm);
        Assert.Equal((2L, 2L, 1L, 2L), funnels[data.Campaign(1)]);
        Assert.Equal((1L, 0L, 0L, 1L), funnels[data.Campaign(2)]);
        Assert.Equal((3L, 0L, 1L, 2L), funnels["(none)"]);
        Assert.Equal(3, funnels.Count);
        // Every contact is in exactly one row: the rows sum to the level's contacts, opens and replies.
        Assert.Equal(firm["totals"]!["contacts"]!.GetValue<long>(), funnels.Values.Sum(f => f.Item1));
        Assert.Equal(firm["totals"]!["opened"]!.GetValue<long>(), funnels.Values.Sum(f => f.Item2));
        Assert.Equal(firm["totals"]!["replied"]!.GetValue<long>(), funnels.Values.Sum(f => f.Item3));
        // The campaign's own record describes it; the newest campaign comes first, the contacts outside campaigns last.
        var rows = firm["campaignFunnels"]!.AsArray();
        Assert.Equal([data.Campaign(2), data.Campaign(1), null], rows.Select(r => r!["campaignId"]?.GetValue<string>()));
        Assert.Equal((data.A1, "market_drop", "wechat", "completed"),
            (rows[1]!.Str("advisorId"), rows[1]!.Str("scenario"), rows[1]!.Str("channel"), rows[1]!.Str("status")));

        // Within the level: a branch sees its own advisors' campaigns only, and the branches add up to the firm, key by key.
        var b1 = CampaignFunnels(await OutcomeData.DashboardAsync(officer, "branch", data.B1));
        var b2 = CampaignFunnels(await OutcomeData.DashboardAsync(officer, "branch", data.B2));
        Assert.Equal([data.Campaign(1), data.Campaign(2), "(none)"], b1.Keys.OrderBy(k => k == "(none)").ThenBy(k => k, StringComparer.Ordinal));
        Assert.Equal((2L, 0L, 0L, 1L), b1["(none)"]);
        Assert.Equal(["(none)"], b2.Keys);
        foreach (var (key, figures) in funnels)
        {
            var sum = new[] { b1, b2 }.Select(b => b.GetValueOrDefault(key)).Aggregate((0L, 0L, 0L, 0L), (a, b) => (a.Item1 + b.Item1, a.Item2 + b.Item2, a.Item3 + b.Item3, a.Item4 + b.Item4));
            Assert.Equal(figures, sum);
        }
        var a2 = CampaignFunnels(await OutcomeData.DashboardAsync(officer, "advisor", data.A2));
        Assert.Equal((1L, 0L, 0L, 1L), a2[data.Campaign(2)]);
        Assert.DoesNotContain(data.Campaign(1), a2.Keys);

        // Within the window: from day 1 on, campaign 1 keeps d2's contact only (d1 was sent on day 0) and campaign 2 drops out.
        var later = CampaignFunnels(await OutcomeData.DashboardAsync(officer, "firm", data.Firm, from: OutcomeData.C.AddDays(1)));
        Assert.Equal((1L, 1L, 0L, 1L), later[data.Campaign(1)]);
        Assert.DoesNotContain(data.Campaign(2), later.Keys);
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
