using System.Net;
using System.Net.Http.Headers;
using Copilot.Audit;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Campaigns;

/// <summary>
/// Cancelling on a host that runs no jobs (Campaigns:RunJobs=false), so every client is still queued when the cancel comes:
/// all are cancelled, nothing is drafted, the cancel is audited, and a second cancel is a conflict.
/// </summary>
public sealed class CampaignCancelTests
{
    [Fact]
    public async Task Cancelling_a_running_campaign_cancels_its_queued_clients_once()
    {
        var settings = KeyedApi.Settings();
        foreach (var (key, value) in TestDatabases.Settings(TestDatabases.Sqlite)) settings[key] = value;
        using var factory = CopilotApiFactory.TemplateMode(seed: false, extra: settings);
        var wang = await factory.CreateReadyClientAsync();
        wang.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyedApi.Wang);
        var crm = factory.CreateClient();
        crm.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyedApi.Crm);
        var id = await wang.StartAsync(CampaignClient.Body(await CampaignClient.ImportClientsAsync(crm, 6, seed: 41)));

        var queued = await wang.GetObjectAsync($"/v1/campaigns/{id}");
        Assert.Equal(6, queued["queued"]!.GetValue<int>());
        Assert.NotNull(queued["elapsedSeconds"]);

        var cancel = await wang.PostAsync($"/v1/campaigns/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var cancelled = await cancel.ReadObjectAsync();
        Assert.Equal("Cancelled", cancelled.Str("status"));
        Assert.Equal(6, cancelled["cancelled"]!.GetValue<int>());
        Assert.Equal(0, cancelled["queued"]!.GetValue<int>());
        Assert.Empty(await CampaignClient.DraftsPerClientAsync(factory, id));

        await ApiJson.AssertProblemAsync(await wang.PostAsync($"/v1/campaigns/{id}/cancel", null), 409, "state");
        var audit = factory.Services.GetRequiredService<AuditTrail>();
        var entries = await audit.ForEntityAsync("campaign", id, CancellationToken.None);
        Assert.Equal(["created", "cancelled"], entries.Select(e => e.Action));
        Assert.Equal("wang.xiaoming", entries[1].Actor);
    }
}
