using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Leads;

/// <summary>GET /v1/leads and the lead actions, on SQLite and PostgreSQL, with the CRM's and the advisors' keys.</summary>
public sealed class LeadApiTests(LeadApis apis) : IClassFixture<LeadApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Leads_are_ranked_by_their_score_parts_with_reasons_scenario_channel_and_content_within_the_clients_class(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        await crm.ImportRowsAsync(
            LeadRows.Quiet("ld-rank-small").With(("lastLoginOn", LeadRows.Day(-120)), ("lastTradeOn", LeadRows.Day(-130)), ("totalAssets", 20_000), ("riskClass", "C2"),
                ("preferredChannel", "wechat")),
            LeadRows.Quiet("ld-rank-large").With(("lastLoginOn", LeadRows.Day(-120)), ("lastTradeOn", LeadRows.Day(-130)), ("totalAssets", 2_000_000)),
            LeadRows.Quiet("ld-rank-loss").With(("pnl30d", -15_000), ("totalAssets", 85_000), ("riskClass", "C1"), ("lowestClass", true),
                ("holdings", new[] { new { code = "ES1001", name = "示例货币市场基金", weight = 0.5, riskLevel = "R1" } })),
            LeadRows.Quiet("ld-rank-quiet"));

        var leads = await crm.LeadsAsync("advisorId=a-qian&top=500", "ld-rank-");

        Assert.DoesNotContain(leads, l => l.Str("clientId") == "ld-rank-quiet");
        var small = leads.Single(l => l.Str("clientId") == "ld-rank-small" && l.Str("kind") == "reactivate");
        var large = leads.Single(l => l.Str("clientId") == "ld-rank-large" && l.Str("kind") == "reactivate");
        var loss = leads.Single(l => l.Str("clientId") == "ld-rank-loss" && l.Str("kind") == "care_after_loss");
        // The score is the sum of its parts, and the bigger account outranks the smaller one dormant as long.
        foreach (var lead in new[] { small, large, loss })
            Assert.Equal(lead["score"]!.GetValue<double>(), lead["scoreParts"]!.AsArray().Sum(p => p!["points"]!.GetValue<double>()), 1);
        Assert.True(large["score"]!.GetValue<double>() > small["score"]!.GetValue<double>());
        Assert.True(leads.IndexOf(large) < leads.IndexOf(small));
        Assert.Equal("激活", small.Str("title"));
        Assert.Contains(small["reasons"]!.AsArray(), r => r!.Str("text") == "已120天未登录" && r!["trigger"]!.GetValue<bool>());
        Assert.Equal(("lifecycle", "dormant_reactivation"), (small["scenario"]!.Str("kind"), small["scenario"]!.Str("code")));
        Assert.Equal("wechat", small.Str("channel"));
        Assert.Equal("sms", large.Str("channel"));
        // A 15,000 loss on 100,000: -15%.
        Assert.Contains(loss["reasons"]!.AsArray(), r => r!.Str("tag") == "large_loss" && r!["values"]!["pnl30dRatio"]!.GetValue<double>() == -0.15);
        // Content is for clients, and within the class: R2 at most for C2, R1 only (or no product) for the lowest category.
        Assert.NotEmpty(small["content"]!.AsArray());
        Assert.All(small["content"]!.AsArray(), c => Assert.True(c!["riskLevel"] is null || string.CompareOrdinal(c.Str("riskLevel"), "R2") <= 0, c!.ToJsonString()));
        Assert.All(loss["content"]!.AsArray(), c => Assert.True(c!["riskLevel"] is null || c.Str("riskLevel") == "R1", c!.ToJsonString()));
        Assert.DoesNotContain(leads.SelectMany(l => l["content"]!.AsArray()), c => c!.Str("type") == "compliance" || c!.Str("documentId").Contains("internal"));
        var english = await crm.LeadsAsync("advisorId=a-qian&top=500&kind=reactivate&language=en", "ld-rank-small");
        Assert.Equal("Reactivate", Assert.Single(english).Str("title"));
        Assert.Contains(english[0]["reasons"]!.AsArray(), r => r!.Str("text") == "No login for 120 days");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_client_who_opted_out_gets_no_marketing_lead_but_still_the_assessment_renewal(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        await crm.ImportRowsAsync(LeadRows.Quiet("ld-optout").With(("contactConsent", false), ("lastLoginOn", LeadRows.Day(-200)),
            ("lastTradeOn", LeadRows.Day(-300)), ("riskAssessmentExpiry", LeadRows.Day(10))));

        var kinds = (await crm.LeadsAsync("advisorId=a-qian&top=500", "ld-optout")).Select(l => l.Str("kind")).ToList();

        Assert.Equal(["renew_assessment"], kinds);
        var list = await crm.GetObjectAsync("/v1/leads?advisorId=a-qian&top=1");
        Assert.True(list["withheld"]!["optedOut"]!.GetValue<int>() >= 1);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_client_sent_as_many_messages_as_the_cap_in_7_days_gets_no_lead(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var officer = await apis.AsAsync(provider, KeyedApi.Officer);
        await crm.ImportRowsAsync(
            LeadRows.Quiet("ld-capped").With(("lastLoginOn", LeadRows.Day(-150)), ("lastTradeOn", LeadRows.Day(-160))),
            LeadRows.Quiet("ld-once").With(("lastLoginOn", LeadRows.Day(-150)), ("lastTradeOn", LeadRows.Day(-160))));
        async Task SendAsync(string client)
        {
            var draft = await crm.CreateDraftAsync(DraftRequests.MarketDrop(client, advisorId: "a-qian"));
            (await officer.PostAsJsonAsync($"/v1/drafts/{draft.Str("id")}/review", new { decision = "approve", comment = "内容合规" })).EnsureSuccessStatusCode();
            (await crm.PostAsJsonAsync($"/v1/drafts/{draft.Str("id")}/sent", new { channelMessageId = "wx-" + Guid.NewGuid() })).EnsureSuccessStatusCode();
        }
        await SendAsync("ld-capped");
        await SendAsync("ld-capped");
        await SendAsync("ld-once");

        var leads = await crm.LeadsAsync("advisorId=a-qian&top=500", "ld-");

        Assert.DoesNotContain(leads, l => l.Str("clientId") == "ld-capped");
        Assert.Equal(1, leads.Single(l => l.Str("clientId") == "ld-once" && l.Str("kind") == "reactivate")["contactsLast7Days"]!.GetValue<int>());
        Assert.True((await crm.GetObjectAsync("/v1/leads?advisorId=a-qian&top=1"))["withheld"]!["contactCap"]!.GetValue<int>() >= 1);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_dismissed_lead_is_gone_until_its_reasons_change_and_each_action_is_audited(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Qian);
        var importer = await apis.AsAsync(provider, KeyedApi.Crm);
        var row = LeadRows.Quiet("ld-dismiss").With(("cashRatio", 0.6), ("totalAssets", 300_000));
        await importer.ImportRowsAsync(row);
        var lead = (await crm.LeadsAsync("top=500&kind=bring_in_assets", "ld-dismiss")).Single();

        var dismissed = await crm.PostJsonAsync($"/v1/leads/{lead.Str("id")}/dismiss", new { });
        Assert.Equal(lead.Str("fingerprint"), dismissed.Str("fingerprint"));
        Assert.Empty(await crm.LeadsAsync("top=500&kind=bring_in_assets", "ld-dismiss"));
        // The same portrait again: still gone. A little market move (cash 60% → 60.4%): still gone.
        await importer.ImportRowsAsync(row.With(("cashRatio", 0.604)));
        Assert.Empty(await crm.LeadsAsync("top=500&kind=bring_in_assets", "ld-dismiss"));
        Assert.True((await crm.GetObjectAsync("/v1/leads?top=1"))["withheld"]!["dismissed"]!.GetValue<int>() >= 1);
        // Cash rises to 85%: the reasons changed, the lead is back, with the new figure.
        await importer.ImportRowsAsync(row.With(("cashRatio", 0.85)));
        var back = (await crm.LeadsAsync("top=500&kind=bring_in_assets", "ld-dismiss")).Single();
        Assert.NotEqual(lead.Str("fingerprint"), back.Str("fingerprint"));
        Assert.Contains(back["reasons"]!.AsArray(), r => r!.Str("text").StartsWith("现金占比85%"));

        var done = await crm.PostJsonAsync($"/v1/leads/{back.Str("id")}/done", new { });
        Assert.Equal("done", done.Str("action"));
        Assert.Empty(await crm.LeadsAsync("top=500&kind=bring_in_assets", "ld-dismiss"));

        var services = (await apis.FactoryAsync(provider)).Services;
        await using var db = await services.GetRequiredService<IDbContextFactory<CopilotDbContext>>().CreateDbContextAsync();
        var entries = await db.AuditRecords.Where(r => r.EntityType == "lead" && r.EntityId == lead.Str("id")).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(["dismissed", "done"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("qian.duoduo", e.Actor));
        Assert.DoesNotContain(row["name"]!.ToString()!, entries[0].DetailsJson);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_snoozed_lead_stays_away_until_its_day_and_a_day_that_is_not_later_is_a_problem_naming_until(string provider)
    {
        var qian = await apis.AsAsync(provider, KeyedApi.Qian);
        await (await apis.AsAsync(provider, KeyedApi.Crm)).ImportRowsAsync(LeadRows.Quiet("ld-snooze").With(("riskAssessmentExpiry", LeadRows.Day(-3))));
        var lead = (await qian.LeadsAsync("top=500&kind=renew_assessment", "ld-snooze")).Single();
        Assert.Contains(lead["reasons"]!.AsArray(), r => r!.Str("text") == "风险测评已过期3天");

        await ApiJson.AssertProblemAsync(await qian.PostAsJsonAsync($"/v1/leads/{lead.Str("id")}/snooze", new { until = LeadRows.Day(0) }), 400, "until");
        await ApiJson.AssertProblemAsync(await qian.PostAsJsonAsync($"/v1/leads/{lead.Str("id")}/snooze", new { }), 400, "until");
        var snoozed = await qian.PostJsonAsync($"/v1/leads/{lead.Str("id")}/snooze", new { until = LeadRows.Day(7) });

        Assert.Equal(LeadRows.Day(7), snoozed.Str("until"));
        Assert.Empty(await qian.LeadsAsync("top=500&kind=renew_assessment", "ld-snooze"));
        Assert.Equal(HttpStatusCode.NotFound, (await qian.PostAsJsonAsync("/v1/leads/ld_bm9wZQ/dismiss", new { })).StatusCode);
        await ApiJson.AssertProblemAsync(await qian.GetAsync("/v1/leads?kind=upsell"), 400, "kind");
        await ApiJson.AssertProblemAsync(await qian.GetAsync("/v1/leads?top=0"), 400, "top");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_advisor_sees_and_acts_on_its_own_leads_only(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        await crm.ImportRowsAsync(
            LeadRows.Quiet("ld-scope-q").With(("lastLoginOn", LeadRows.Day(-300))),
            LeadRows.Quiet("ld-scope-w", advisorId: "demo-advisor").With(("lastLoginOn", LeadRows.Day(-300))));
        var theirs = (await crm.LeadsAsync("advisorId=a-qian&top=500", "ld-scope-q")).First();

        var own = (await wang.GetObjectAsync("/v1/leads?top=500"))["items"]!.AsArray();

        Assert.All(own, l => Assert.Equal("demo-advisor", l!.Str("advisorId")));
        Assert.Contains(own, l => l!.Str("clientId") == "ld-scope-w");
        await ApiJson.AssertProblemAsync(await wang.GetAsync("/v1/leads?advisorId=a-qian"), 403, "advisorId");
        Assert.Equal(HttpStatusCode.NotFound, (await wang.PostAsJsonAsync($"/v1/leads/{theirs.Str("id")}/dismiss", new { })).StatusCode);
        Assert.Single(await crm.LeadsAsync("advisorId=a-qian&top=500", "ld-scope-q"));
        await ApiJson.AssertProblemAsync(await crm.GetAsync("/v1/leads"), 400, "advisorId");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await apis.AsAsync(provider, KeyedApi.Officer)).GetAsync("/v1/leads?advisorId=a-qian")).StatusCode);
        // The client page shows the client's leads to its own advisor.
        var details = await wang.GetObjectAsync("/v1/clients/ld-scope-w");
        Assert.Contains(details["leads"]!.AsArray(), l => l!.Str("kind") == "reactivate");
    }
}
