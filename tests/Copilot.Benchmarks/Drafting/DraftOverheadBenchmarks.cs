using System.Net.Http.Json;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Copilot.IntegrationTests.Infrastructure;
using Perfolizer.Mathematics.OutlierDetection;

namespace Copilot.Benchmarks.Drafting;

/// <summary>
/// The service's own time per draft on POST /v1/drafts (model mode, sample corpus, SQLite) against a fake OpenAI
/// server that waits 200 ms before each reply. A draft calls the model to write and, with the LLM judge on, once
/// more to judge; the model-alone baseline times one such call, so Draft − calls × baseline is the service's own time.
/// </summary>
[Config(typeof(Config))]
public class DraftOverheadBenchmarks
{
    private FakeOpenAiServer _openAi = null!;
    private CopilotApiFactory _service = null!;
    private HttpClient _client = null!;
    private readonly HttpClient _model = new();
    private string _modelRequest = "";
    private int _drafts;
    private int _directCalls;

    [GlobalSetup]
    public async Task StartAsync()
    {
        _openAi = new FakeOpenAiServer(TimeSpan.FromMilliseconds(200))
        {
            Reply = _ => "张先生您好，今日市场调整较大，短期波动难以预测，建议结合自身风险承受能力和投资期限审视配置，避免情绪化操作。",
        };
        // A benchmark is one caller far past any real advisor's pace: the rate limiter would measure itself.
        _service = CopilotApiFactory.ModelMode(_openAi, extra: new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" });
        _client = await _service.CreateReadyClientAsync();
        await Draft();
        _modelRequest = _openAi.ChatRequests.First().ToJsonString();
    }

    [GlobalCleanup]
    public void Stop()
    {
        if (_drafts > 0)
            Console.WriteLine($"// Model calls per draft: {(double)(_openAi.ChatRequests.Count - _directCalls) / _drafts:F2}");
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

    [Benchmark(Description = "POST /v1/drafts, market drop, WeChat")]
    public async Task<string> Draft()
    {
        _drafts++;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/drafts")
        {
            Content = JsonContent.Create(new
            {
                advisorId = "demo-advisor",
                client = new
                {
                    id = $"c-{_drafts}", name = "张先生", riskClass = "C3", horizonMonths = 36,
                    holdings = new[] { new { code = "ES3001", name = "示例稳健配置混合", weight = 0.6, riskLevel = "R3" } },
                },
                scenario = new { kind = "investment", code = "market_drop" },
                channel = "wechat",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default
            .WithWarmupCount(5).WithIterationCount(40).WithInvocationCount(1).WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove));
    }
}
