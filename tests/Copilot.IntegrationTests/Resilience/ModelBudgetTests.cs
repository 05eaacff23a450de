using System.Net;
using System.Net.Http.Json;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Copilot.IntegrationTests.Resilience;

/// <summary>
/// The daily model-token budget per advisor, on SQLite and PostgreSQL: the usage each call reports is recorded with
/// its purpose, advisor and caller; once an advisor's usage reaches the budget their chats and drafts are 429 with
/// Retry-After until midnight and leave nothing behind, while another advisor is unaffected.
/// </summary>
public sealed class ModelBudgetTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Usage_is_recorded_per_call_and_a_spent_budget_refuses_that_advisor_only(string provider)
    {
        using var openAi = new FakeOpenAiServer();
        var settings = FaultyModelApi.Settings(TestDatabases.Settings(provider));
        // The fake reports 100 input tokens and one output token per character: one answer spends the budget.
        settings["Llm:DailyTokenBudgetPerAdvisor"] = "100";
        settings["Compliance:UseLlmJudge"] = "true";
        using var factory = CopilotApiFactory.ModelMode(openAi, seed: false, embeddings: true, extra: settings);
        var client = await factory.CreateReadyClientAsync();

        var answer = await client.PostJsonAsync("/v1/chat", new { message = "证券公司可以承诺收益吗？", advisorId = "demo-advisor" });
        var usage = await FaultyModelApi.Query(factory, db => db.ModelUsage.AsNoTracking().OrderBy(u => u.Id).ToListAsync());
        var chat = Assert.Single(usage, u => u.Purpose == "chat");
        Assert.Equal(("demo-advisor", FakeOpenAiServer.ChatModel, 100L), (chat.AdvisorId, chat.Model, chat.InputTokens));
        Assert.Equal(answer.Str("answer").Length, chat.OutputTokens);
        Assert.False(string.IsNullOrEmpty(chat.Caller));
        Assert.Contains(usage, u => u.Purpose == "embedding" && u.AdvisorId == "demo-advisor" && u.InputTokens > 0);

        var conversations = await FaultyModelApi.Query(factory, db => db.Conversations.CountAsync());
        var refused = await client.PostAsJsonAsync("/v1/chat", new { message = "科创板开户要求", advisorId = "demo-advisor" });
        var problem = await ModelFaultTests.AssertModelProblemAsync(refused, 429, "demo-advisor");
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
        Assert.NotNull(problem["resetsAt"]);
        Assert.Equal(conversations, await FaultyModelApi.Query(factory, db => db.Conversations.CountAsync()));

        using var stream = new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = JsonContent.Create(new { message = "科创板开户要求", advisorId = "demo-advisor" }) };
        stream.Headers.Accept.ParseAdd("text/event-stream");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(stream)).StatusCode);

        var draft = await client.PostDraftAsync(DraftRequests.MarketDrop(clientId: "c-budget"), Guid.NewGuid().ToString("N"));
        await ModelFaultTests.AssertModelProblemAsync(draft, 429, "budget");
        Assert.Equal(0, await FaultyModelApi.Query(factory, db => db.Drafts.CountAsync()));

        // Another advisor's budget is their own: a draft for them is written, and its writing and judging are recorded as theirs.
        (await client.PutAsJsonAsync("/v1/advisors/a-10234", new { name = "李静", registrationNumber = "S0000000000002", branch = "北京金融街营业部", firm = "示例证券" }))
            .EnsureSuccessStatusCode();
        var theirs = await client.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-other", advisorId: "a-10234"));
        Assert.Equal($"llm:{FakeOpenAiServer.ChatModel}", theirs.Str("generator"));
        usage = await FaultyModelApi.Query(factory, db => db.ModelUsage.AsNoTracking().Where(u => u.AdvisorId == "a-10234").ToListAsync());
        Assert.Contains(usage, u => u.Purpose == "draft");
        Assert.Contains(usage, u => u.Purpose == "judge");
    }
}
