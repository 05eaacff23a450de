using System.Net.Http.Json;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Resilience;

/// <summary>A model failing most calls (2 of 3, ratio 0.5, minimum 3) opens the circuit: further calls are refused at once with 503 and Retry-After, without reaching it.</summary>
public sealed class CircuitBreakerTests : IAsyncLifetime
{
    private readonly FakeOpenAiServer _openAi = new();
    private CopilotApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = CopilotApiFactory.ModelMode(_openAi, seed: false, extra: FaultyModelApi.Settings(new Dictionary<string, string?>
        {
            ["Llm:MaxRetries"] = "0",
            // Timeouts are not under test here; a cold first call on a busy machine must not count as a failure.
            ["Llm:TimeoutSeconds"] = "30",
            ["Llm:CircuitMinimumThroughput"] = "3",
            ["Llm:CircuitFailureRatio"] = "0.5",
            ["Llm:CircuitBreakSeconds"] = "30",
        }));
        _client = await _factory.CreateReadyClientAsync();
    }

    [Fact]
    public async Task Two_failures_in_three_calls_open_the_circuit_and_the_next_call_is_a_503_without_reaching_the_model()
    {
        var question = new { message = "证券公司可以承诺收益吗？" };
        await _client.PostJsonAsync("/v1/chat", question);
        _openAi.FailNextChats(ModelFault.Http(500), ModelFault.Http(500));
        for (var i = 0; i < 2; i++)
            await ModelFaultTests.AssertModelProblemAsync(await _client.PostAsJsonAsync("/v1/chat", question), 502, "HTTP 500");
        var reached = _openAi.ChatRequests.Count;

        var refused = await _client.PostAsJsonAsync("/v1/chat", question);
        await ModelFaultTests.AssertModelProblemAsync(refused, 503, "paused");
        Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(reached, _openAi.ChatRequests.Count);
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        _openAi.Dispose();
        return Task.CompletedTask;
    }
}
