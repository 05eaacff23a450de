using System.Diagnostics;
using Copilot.Campaigns;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;

namespace Copilot.IntegrationTests.Campaigns;

/// <summary>A campaign in model mode: a 429 with Retry-After is waited out and retried, and tokens come from the model's reported usage.</summary>
public sealed class ModelModeCampaignTests
{
    private const string Message = "您好，近期市场波动较大，建议结合自身风险承受能力审视资产配置，如需沟通我随时都在。";

    [Fact]
    public async Task A_rate_limited_draft_is_retried_after_the_models_Retry_After_and_tokens_are_the_reported_usage()
    {
        using var openAi = new FakeOpenAiServer { Reply = _ => Message };
        var settings = KeyedApi.Settings();
        foreach (var (key, value) in TestDatabases.Settings(TestDatabases.Sqlite).Concat(CampaignApis.JobSettings(concurrency: 2))) settings[key] = value;
        settings["Compliance:UseLlmJudge"] = "false"; // one model call per draft: the count below is exact
        using var factory = CopilotApiFactory.ModelMode(openAi, seed: false, extra: settings);
        var crm = await factory.CreateReadyClientAsync();
        crm.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyedApi.Crm);
        var clients = await CampaignClient.ImportClientsAsync(crm, 4, seed: 31);

        var estimate = await crm.PostAsync(CampaignClient.Body(clients, dryRun: true), null);
        var calls = (await estimate.ReadObjectAsync())["estimate"]!["modelCalls"]!.GetValue<int>();
        Assert.Equal(4, calls); // one write per client, the judge being off

        // The first call is refused with "wait 2 seconds"; the service's own retry layer is off (Llm:MaxRetries = 0).
        openAi.FailNextChats(ModelFault.Http(429, "2"));
        var clock = Stopwatch.StartNew();
        var id = await crm.StartAsync(CampaignClient.Body(clients));
        var done = await crm.FinishedAsync(id);
        clock.Stop();

        Assert.Equal(4, done["drafted"]!.GetValue<int>());
        Assert.Equal(0, done["failed"]!.GetValue<int>());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"Finished in {clock.Elapsed}: the Retry-After was not waited out");
        Assert.Equal(5, openAi.ChatRequests.Count);
        // The fake reports 100 prompt tokens per answered call; the refused one reports none.
        Assert.Equal(400, done["tokens"]!["prompt"]!.GetValue<long>());
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>().CreateDbContextAsync();
        var attempts = await db.CampaignItems.Where(i => i.CampaignId == id).Select(i => i.Attempts).ToListAsync();
        Assert.Equal([1, 1, 1, 2], attempts.Order());
        // Measured from the refusal itself, not from the campaign's start: the retry claimed the client only after the
        // 2 seconds the model asked for (its claim time is the retry's; the fake's clock and the service's are one).
        var refusedAt = openAi.ChatArrivalsUtc.First();
        var retriedAt = await db.CampaignItems.Where(i => i.CampaignId == id && i.Attempts == 2).Select(i => i.ClaimedAtUtc!.Value).SingleAsync();
        Assert.True(retriedAt - refusedAt >= TimeSpan.FromSeconds(2), $"Retried {retriedAt - refusedAt} after the refusal");
        Assert.All(await db.Drafts.Where(d => d.CampaignId == id).Select(d => d.Generator).ToListAsync(), g => Assert.StartsWith("llm:", g));
    }

    [Fact]
    public async Task A_model_that_keeps_refusing_fails_the_client_with_the_reason_after_the_configured_attempts()
    {
        using var openAi = new FakeOpenAiServer { Reply = _ => Message };
        var settings = KeyedApi.Settings();
        foreach (var (key, value) in TestDatabases.Settings(TestDatabases.Sqlite).Concat(CampaignApis.JobSettings(concurrency: 1))) settings[key] = value;
        settings["Compliance:UseLlmJudge"] = "false";
        settings["Campaigns:MaxAttempts"] = "2";
        using var factory = CopilotApiFactory.ModelMode(openAi, seed: false, extra: settings);
        var crm = await factory.CreateReadyClientAsync();
        crm.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyedApi.Crm);
        var clients = await CampaignClient.ImportClientsAsync(crm, 1, seed: 32);

        openAi.FailNextChats(ModelFault.Http(429, "1"), ModelFault.Http(429, "1"));
        var done = await crm.FinishedAsync(await crm.StartAsync(CampaignClient.Body(clients)));

        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal(1, done["failed"]!.GetValue<int>());
        var failure = done["failures"]![0]!;
        Assert.Contains("rate-limiting", failure["reason"]!.GetValue<string>());
        Assert.Contains("after 2 attempts", failure["reason"]!.GetValue<string>());
        Assert.Equal(clients[0], failure["clientIds"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_model_that_refuses_the_call_itself_is_not_retried()
    {
        using var openAi = new FakeOpenAiServer { Reply = _ => Message };
        var settings = KeyedApi.Settings();
        foreach (var (key, value) in TestDatabases.Settings(TestDatabases.Sqlite).Concat(CampaignApis.JobSettings(concurrency: 1))) settings[key] = value;
        settings["Compliance:UseLlmJudge"] = "false";
        using var factory = CopilotApiFactory.ModelMode(openAi, seed: false, extra: settings);
        var crm = await factory.CreateReadyClientAsync();
        crm.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyedApi.Crm);
        var clients = await CampaignClient.ImportClientsAsync(crm, 1, seed: 33);

        openAi.FailNextChats(ModelFault.Http(401));
        var done = await crm.FinishedAsync(await crm.StartAsync(CampaignClient.Body(clients)));

        Assert.Equal(1, done["failed"]!.GetValue<int>());
        Assert.Contains("HTTP 401", done["failures"]![0]!["reason"]!.GetValue<string>());
        Assert.Single(openAi.ChatRequests);
    }
}
