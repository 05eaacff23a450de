using System.Net;
using System.Net.Http.Json;
using Copilot.Audit;
using Copilot.Campaigns;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Clients;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Campaigns;

/// <summary>Campaigns on each database: drafted once per client by Hangfire jobs, progress, idempotency, advisors kept apart, bad input.</summary>
public sealed class CampaignTests(CampaignApis apis) : IClassFixture<CampaignApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_campaign_drafts_each_client_once_through_the_job_engine_and_reports_it(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        var clients = await CampaignClient.ImportClientsAsync(crm, 24, seed: 11);

        var started = await wang.PostAsync(CampaignClient.Body(clients), "cmp-1");
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var accepted = await started.ReadObjectAsync();
        var id = accepted.Str("id");
        Assert.Equal($"/v1/campaigns/{id}", started.Headers.Location?.ToString());
        var estimate = accepted["estimate"]!.AsObject();
        Assert.Equal(24, estimate.Int("clients"));
        Assert.Equal(0, estimate.Int("modelCalls")); // template mode calls no model

        var done = await wang.FinishedAsync(id);
        Assert.Equal("Completed", done.Str("status"));
        Assert.Equal(24, done.Int("total"));
        Assert.Equal(24, done.Int("drafted"));
        Assert.Equal(24, done.Int("passed") + done.Int("flagged"));
        Assert.Equal(0, done.Int("failed"));
        Assert.Null(done["etaSeconds"]);

        var drafts = await CampaignClient.DraftsPerClientAsync(await apis.FactoryAsync(provider), id);
        Assert.Equal(clients.Order(), drafts.Keys.Order());
        Assert.All(drafts.Values, count => Assert.Equal(1, count));
        // The drafts wait for review like any other, made by the key that started the campaign.
        var draft = await wang.GetObjectAsync($"/v1/drafts?advisorId=demo-advisor&pageSize=1");
        Assert.Equal("PendingReview", draft["drafts"]![0]!.Str("status"));

        var audit = (await apis.FactoryAsync(provider)).Services.GetRequiredService<AuditTrail>();
        var entries = await audit.ForEntityAsync("campaign", id, CancellationToken.None);
        Assert.Equal(["created", "completed"], entries.Select(e => e.Action));
        Assert.Equal("wang.xiaoming", entries[0].Actor);
        Assert.True((await audit.VerifyAsync(null, CancellationToken.None)).Intact);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_retried_start_returns_the_first_campaign_and_a_dry_run_starts_nothing(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        var clients = await CampaignClient.ImportClientsAsync(crm, 5, seed: 12);
        var campaignsBefore = await CountCampaignsAsync(provider);

        var dry = await wang.PostAsync(CampaignClient.Body(clients, dryRun: true), null);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var estimate = await dry.ReadObjectAsync();
        Assert.Null(estimate["id"]);
        Assert.Equal(5, estimate["estimate"]!.Int("clients"));
        Assert.Equal(campaignsBefore, await CountCampaignsAsync(provider));

        var key = Guid.NewGuid().ToString("N");
        var first = await (await wang.PostAsync(CampaignClient.Body(clients), key)).ReadObjectAsync();
        var again = await wang.PostAsync(CampaignClient.Body(clients), key);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(first.Str("id"), (await again.ReadObjectAsync()).Str("id"));
        Assert.Equal(campaignsBefore + 1, await CountCampaignsAsync(provider));
        await ApiJson.AssertProblemAsync(await wang.PostAsync(CampaignClient.Body(clients.Take(2)), key), 422, "Idempotency-Key");
        await ApiJson.AssertProblemAsync(await wang.PostAsync(CampaignClient.Body(clients), null), 400, "Idempotency-Key");
        await wang.FinishedAsync(first.Str("id"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Advisors_start_and_see_only_their_own_campaigns_on_their_own_clients(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        var qian = await apis.AsAsync(provider, KeyedApi.Qian);
        var wangs = await CampaignClient.ImportClientsAsync(crm, 3, seed: 13);
        var id = await wang.StartAsync(CampaignClient.Body(wangs));

        Assert.Equal(HttpStatusCode.NotFound, (await qian.GetAsync($"/v1/campaigns/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qian.PostAsync($"/v1/campaigns/{id}/cancel", null)).StatusCode);
        // Qian's key acts for a-qian: Wang's clients are not among its clients, whatever the ids.
        await ApiJson.AssertProblemAsync(await qian.PostAsync(CampaignClient.Body(wangs, advisorId: "a-qian"), "q-1"), 422, "clientIds");
        await ApiJson.AssertProblemAsync(await qian.PostAsync(CampaignClient.Body(wangs), "q-2"), 403, "advisorId");
        // Compliance reads every advisor's campaigns; the CRM starts them for whichever advisor it names.
        var officer = await apis.AsAsync(provider, KeyedApi.Officer);
        Assert.Equal("demo-advisor", (await officer.GetObjectAsync($"/v1/campaigns/{id}")).Str("advisorId"));
        await wang.FinishedAsync(id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_campaign_for_a_segment_or_a_kind_of_lead_drafts_exactly_the_clients_in_it(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        await CampaignClient.ImportClientsAsync(crm, 60, seed: 21);
        var scenario = new { kind = "lifecycle", code = "dormant_reactivation" };

        var segment = await wang.PostJsonAsync("/v1/segments",
            new { advisorId = "demo-advisor", name = "沉睡客户", definition = new { tag = "dormant" } }, HttpStatusCode.Created);
        var members = segment.Int("clients");
        Assert.True(members > 0, "a third of generated clients are dormant");
        var bySegment = await (await wang.PostAsync(new { advisorId = "demo-advisor", segment = segment.Str("id"), scenario, channel = "sms" }, Guid.NewGuid().ToString("N"))).ReadObjectAsync();
        Assert.Equal(members, bySegment["estimate"]!.Int("clients"));
        var done = await wang.FinishedAsync(bySegment.Str("id"));
        Assert.Equal(members, done.Int("drafted"));
        // Every drafted client carries the segment's tag.
        var factory = await apis.FactoryAsync(provider);
        var drafted = await CampaignClient.DraftsPerClientAsync(factory, bySegment.Str("id"));
        foreach (var client in drafted.Keys)
        {
            var details = await wang.GetObjectAsync($"/v1/clients/{Uri.EscapeDataString(client)}?advisorId=demo-advisor");
            Assert.Contains(details["tags"]!.AsArray(), t => t!.Str("id") == "dormant");
        }

        // One lead of a kind per client: the campaign is for as many clients as GET /v1/leads counts of that kind.
        var leads = await wang.GetObjectAsync("/v1/leads?advisorId=demo-advisor&kind=reactivate&top=500");
        Assert.True(leads.Int("total") > 0);
        var byLead = await (await wang.PostAsync(new { advisorId = "demo-advisor", leadKind = "reactivate", scenario, channel = "sms", dryRun = true }, null)).ReadObjectAsync();
        Assert.Equal(leads.Int("total"), byLead["estimate"]!.Int("clients"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_requests_are_problems_naming_the_field(string provider)
    {
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        var scenario = new { kind = "lifecycle", code = "birthday" };
        await ApiJson.AssertProblemAsync(await wang.PostAsync(new { advisorId = "demo-advisor", segment = "seg_no_such_segment", scenario, channel = "sms" }, "b-1"), 422, "segment");
        await ApiJson.AssertProblemAsync(await wang.PostAsync(new { advisorId = "demo-advisor", leadKind = "get_rich", scenario, channel = "sms" }, "b-2"), 400, "leadKind");
        await ApiJson.AssertProblemAsync(await wang.PostAsync(new { advisorId = "demo-advisor", scenario, channel = "sms" }, "b-3"), 400, "clientIds");
        await ApiJson.AssertProblemAsync(await wang.PostAsync(new { advisorId = "demo-advisor", clientIds = new[] { "x" }, segment = "s", scenario, channel = "sms" }, "b-4"), 400, "clientIds");
        await ApiJson.AssertProblemAsync(await wang.PostAsync(new { advisorId = "demo-advisor", clientIds = new[] { "x" }, scenario = new { kind = "lifecycle", code = "nope" }, channel = "sms" }, "b-5"), 400, "scenario");
        await ApiJson.AssertProblemAsync(await wang.PostAsync(new { advisorId = "demo-advisor", clientIds = new[] { "x" }, scenario, channel = "fax" }, "b-6"), 400, "channel");
        await ApiJson.AssertProblemAsync(await wang.PostAsync(new { advisorId = "demo-advisor", clientIds = Array.Empty<string>(), scenario, channel = "sms" }, "b-7"), 400, "clientIds");
        await ApiJson.AssertProblemAsync(await wang.PostAsync(new { advisorId = "demo-advisor", clientIds = new[] { "no-such-client" }, scenario, channel = "sms" }, "b-8"), 422, "clientIds");
        Assert.Equal(HttpStatusCode.NotFound, (await wang.GetAsync("/v1/campaigns/cmp_nope")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Progress_streams_as_server_sent_events_until_done(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        var id = await wang.StartAsync(CampaignClient.Body(await CampaignClient.ImportClientsAsync(crm, 12, seed: 14)));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/campaigns/{id}");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await wang.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = await SseReader.ReadAllAsync(response);
        Assert.Equal("done", events[^1].Event);
        Assert.All(events.Take(events.Count - 1), e => Assert.Equal("progress", e.Event));
        Assert.Equal(12, events[^1].Json().Int("drafted"));
        var drafted = events.Select(e => e.Json().Int("drafted")).ToList();
        Assert.Equal(drafted.Order(), drafted); // progress never goes back
    }

    private async Task<int> CountCampaignsAsync(string provider)
    {
        await using var db = await (await apis.FactoryAsync(provider)).Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>().CreateDbContextAsync();
        return await db.Campaigns.CountAsync();
    }
}
