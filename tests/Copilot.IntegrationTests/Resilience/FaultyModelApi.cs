using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Resilience;

/// <summary>
/// The service over the scriptable fake model with embeddings on, one small document ingested, and the resilience
/// settings shrunk so fault tests stay quick: 2 retries 20 ms apart, a 2 s attempt timeout, Retry-After waited up to 3 s.
/// </summary>
public sealed class FaultyModelApi : ApiFixture
{
    public const string DocumentId = "faults-policy";

    public FakeOpenAiServer OpenAi { get; } = new();

    /// <summary>The resilience settings of every fault test; a test adds or overrides keys.</summary>
    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:MaxRetries"] = "2",
            ["Llm:RetryBaseDelayMilliseconds"] = "20",
            ["Llm:MaxRetryAfterSeconds"] = "3",
            ["Llm:TimeoutSeconds"] = "2",
            ["Llm:TotalTimeoutSeconds"] = "10",
            ["Llm:StreamIdleTimeoutSeconds"] = "1",
            // The breaker has its own test; here it must not open on the faults other tests script.
            ["Llm:CircuitMinimumThroughput"] = "1000",
            ["Llm:DailyTokenBudgetPerAdvisor"] = "0",
            ["Compliance:UseLlmJudge"] = "false",
            // The scripted faults are for the answer's call; the statute rewrite before it has its own failure tests.
            ["Chat:RewriteQueries"] = "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.ModelMode(OpenAi, seed: false, embeddings: true, extra: Settings());

    protected override async Task SetUpAsync()
    {
        await Client.PostJsonAsync("/v1/knowledge/documents", new
        {
            id = DocumentId, title = "承诺收益的禁止", type = "compliance",
            text = "# 承诺收益的禁止\n\n证券公司及其从业人员不得对客户证券买卖的收益或者赔偿证券买卖的损失作出承诺。",
        }, System.Net.HttpStatusCode.Created);
        // The first model call pays for JIT and connection set-up; a test's timeouts must not.
        await Client.PostJsonAsync("/v1/chat", new { message = "预热" });
    }

    public async Task<T> QueryAsync<T>(Func<CopilotDbContext, Task<T>> query) => await Query(Factory, query);

    public static async Task<T> Query<T>(CopilotApiFactory factory, Func<CopilotDbContext, Task<T>> query)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        OpenAi.Dispose();
    }
}
