using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.Campaigns;
using Copilot.Clients;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Clients;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Campaigns;

/// <summary>A keyed service per database that runs campaign jobs (4 workers, a quick queue poll), in template mode.</summary>
public sealed class CampaignApis : DatabaseApis
{
    public static Dictionary<string, string?> JobSettings(int concurrency = 4) => new()
    {
        ["Campaigns:RunJobs"] = "true",
        ["Campaigns:Concurrency"] = concurrency.ToString(),
        ["Campaigns:QueuePollMilliseconds"] = "200",
    };

    public async Task<HttpClient> AsAsync(string provider, string key)
    {
        var client = (await FactoryAsync(provider)).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override CopilotApiFactory CreateFactory(string provider)
    {
        var settings = KeyedApi.Settings();
        foreach (var (key, value) in TestDatabases.Settings(provider).Concat(JobSettings())) settings[key] = value;
        return CopilotApiFactory.TemplateMode(seed: false, extra: settings);
    }
}

/// <summary>Starting, following and checking campaigns through the API and the records.</summary>
public static class CampaignClient
{
    public static object Body(IEnumerable<string> clientIds, string advisorId = "demo-advisor", bool? dryRun = null) => new
    {
        advisorId, clientIds, scenario = new { kind = "lifecycle", code = "dormant_reactivation" }, channel = "wechat", dryRun,
    };

    /// <summary>Imports generated portraits for the advisor through the CRM-style import; returns their ids.</summary>
    public static async Task<IReadOnlyList<string>> ImportClientsAsync(HttpClient crm, int count, int seed, string advisorId = "demo-advisor")
    {
        var portraits = ClientImports.Generated(count, seed, advisorId);
        // Each test gets its own ids, so tests sharing a database do not meet.
        var prefix = $"t{Guid.NewGuid():N}"[..9];
        portraits = portraits.Select(p => p with { Id = $"{prefix}-{p.Id}" }).ToList();
        var result = await crm.ImportedAsync(await ClientImports.CsvAsync(portraits));
        Assert.Equal(count, result.Int("inserted"));
        return portraits.Select(p => p.Id!).ToList();
    }

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/campaigns") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    public static async Task<string> StartAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsync(body, Guid.NewGuid().ToString("N"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    /// <summary>Polls the campaign until it is no longer running.</summary>
    public static async Task<JsonObject> FinishedAsync(this HttpClient client, string id, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var progress = await client.GetObjectAsync($"/v1/campaigns/{id}");
            if (progress.Str("status") != nameof(CampaignStatus.Running)) return progress;
            Assert.True(DateTime.UtcNow < until, $"The campaign did not finish: {progress.ToJsonString()}");
            await Task.Delay(250);
        }
    }

    /// <summary>The campaign's drafts as stored: client id → how many drafts.</summary>
    public static async Task<Dictionary<string, int>> DraftsPerClientAsync(CopilotApiFactory factory, string campaignId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>().CreateDbContextAsync();
        return await db.Drafts.Where(d => d.CampaignId == campaignId).GroupBy(d => d.ClientId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
    }
}
