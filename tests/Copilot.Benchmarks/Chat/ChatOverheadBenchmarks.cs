using System.Net.Http.Json;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Copilot.Benchmarks.Infrastructure;
using Copilot.IntegrationTests.Infrastructure;
using Perfolizer.Mathematics.OutlierDetection;

namespace Copilot.Benchmarks.Chat;

/// <summary>
/// The service's own cost of answering a first question on POST /v1/chat (non-streaming, model mode, sample corpus,
/// lexical retrieval) against a fake OpenAI server that waits 200 ms before each reply. The baseline sends the fake
/// the very request the service sends it, so Chat minus the baseline is what the service adds.
/// </summary>
[Config(typeof(Config))]
public class ChatOverheadBenchmarks
{
    public static readonly TimeSpan ModelDelay = TimeSpan.FromMilliseconds(200);

    private FakeOpenAiServer _openAi = null!;
    private CopilotApiFactory _service = null!;
    private HttpClient _client = null!;
    private readonly HttpClient _model = new();
    private string _modelRequest = "";
    private int _next;
    private int _chats;
    private int _directCalls;

    [GlobalSetup]
    public async Task StartAsync()
    {
        _openAi = new FakeOpenAiServer(ModelDelay);
        // A benchmark is one caller far past any real advisor's pace: the rate limiter would measure itself.
        _service = CopilotApiFactory.ModelMode(_openAi, extra: new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" });
        _client = await _service.CreateReadyClientAsync();
        await Chat();
        _modelRequest = _openAi.ChatRequests.Last().ToJsonString();
        _next = 0;
    }

    [GlobalCleanup]
    public void Stop()
    {
        // Chat minus 200 ms is the overhead only if each question reaches the model exactly once.
        if (_chats > 0)
            Console.WriteLine($"// Model calls per chat request: {(double)(_openAi.ChatRequests.Count - _directCalls) / _chats:F2}");
        _client.Dispose();
        _service.Dispose();
        _openAi.Dispose();
        _model.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Fake model alone (200 ms delay)")]
    public async Task<string> ModelAlone()
    {
        _directCalls++;
        using var content = new StringContent(_modelRequest, Encoding.UTF8, "application/json");
        using var response = await _model.PostAsync(_openAi.BaseUrl + "/chat/completions", content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [Benchmark(Description = "POST /v1/chat, first question")]
    public async Task<string> Chat()
    {
        _chats++;
        var question = BenchmarkQuestions.All[_next++ % BenchmarkQuestions.All.Count];
        using var response = await _client.PostAsJsonAsync("/v1/chat", new { message = question });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private sealed class Config : ManualConfig
    {
        // One request per iteration: P50 and P95 are of single requests, and a slow one is not dropped as an outlier.
        public Config() => AddJob(Job.Default
            .WithWarmupCount(5).WithIterationCount(48).WithInvocationCount(1).WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove));
    }
}
