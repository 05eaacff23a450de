using Copilot.Audit;
using Copilot.Campaigns;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;

namespace Copilot.IntegrationTests.Campaigns;

/// <summary>
/// Two hosts on one PostgreSQL database share one Hangfire queue. One of them stops in the middle of a campaign; the other
/// finishes it. Every client is drafted exactly once and the audit chain is intact.
/// </summary>
public sealed class TwoHostCampaignTests
{
    private const int Clients = 80;

    [Fact]
    public async Task Two_hosts_draft_each_client_exactly_once_even_when_one_stops_mid_campaign()
    {
        if (PostgresTestServer.ConnectionString is null && Environment.GetEnvironmentVariable("REQUIRE_POSTGRES") != "1") return;
        var settings = KeyedApi.Settings();
        foreach (var (key, value) in TestDatabases.Settings(TestDatabases.PostgreSql).Concat(CampaignApis.JobSettings(concurrency: 4))) settings[key] = value;
        settings["Knowledge:SeedOnStart"] = "false";

        using var first = new CopilotApiFactory(settings);
        var firstCrm = Keyed(await first.CreateReadyClientAsync(), KeyedApi.Crm);
        using var second = new CopilotApiFactory(settings);
        var secondCrm = Keyed(await second.CreateReadyClientAsync(), KeyedApi.Crm);

        var clients = await CampaignClient.ImportClientsAsync(firstCrm, Clients, seed: 21);
        var id = await firstCrm.StartAsync(CampaignClient.Body(clients));

        // Let both hosts get going, then stop the first one while clients are still queued.
        for (var i = 0; i < 400 && (await secondCrm.GetObjectAsync($"/v1/campaigns/{id}"))["drafted"]!.GetValue<int>() < 10; i++)
            await Task.Delay(100);
        await first.DisposeAsync();

        var done = await secondCrm.FinishedAsync(id, TimeSpan.FromMinutes(3));
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal(Clients, done["drafted"]!.GetValue<int>());

        await using var db = await second.Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>().CreateDbContextAsync();
        var perClient = await CampaignClient.DraftsPerClientAsync(second, id);
        Assert.Equal(clients.Order(), perClient.Keys.Order());
        Assert.All(perClient.Values, count => Assert.Equal(1, count));
        // Both hosts' workers drafted: the jobs ran on two Hangfire servers of one queue.
        var servers = await db.Database.SqlQueryRaw<string>(
            "SELECT DISTINCT data::jsonb->>'ServerId' AS \"Value\" FROM hangfire.state WHERE name = 'Processing'").ToListAsync();
        Assert.True(servers.Count >= 2, $"Jobs ran on {servers.Count} server(s)");
        var created = await db.AuditRecords.CountAsync(r => r.EntityType == "draft" && r.Action == "created");
        Assert.Equal(Clients, created);
        var verification = await second.Services.GetRequiredService<AuditTrail>().VerifyAsync(null, CancellationToken.None);
        Assert.True(verification.Intact, verification.Reason);
        Assert.Equal(0, await db.CampaignItems.CountAsync(i => i.CampaignId == id && i.Status != CampaignItemStatus.Drafted));
    }

    private static HttpClient Keyed(HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
