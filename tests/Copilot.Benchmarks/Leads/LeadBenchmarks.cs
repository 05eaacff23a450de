using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Copilot.Clients;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Perfolizer.Mathematics.OutlierDetection;

namespace Copilot.Benchmarks.Leads;

/// <summary>
/// GET /v1/leads for an advisor with 4,000 generated clients (SQLite records, the sample corpus seeded for the content),
/// beside the naive floor of only reading that advisor's portraits and tags: what ranking, reasons and content add.
/// </summary>
[Config(typeof(Config))]
public class LeadBenchmarks
{
    private const string Advisor = "demo-advisor";
    private CopilotApiFactory _service = null!;
    private HttpClient _client = null!;
    private ClientPopulation _population = null!;

    [GlobalSetup]
    public async Task StartAsync()
    {
        // In process the factory cannot find the API's folder from the working directory; the service reads its files from the app folder.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_COPILOT_API", AppContext.BaseDirectory);
        _service = CopilotApiFactory.TemplateMode(seed: true, extra: new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" });
        _client = await _service.CreateReadyClientAsync();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var import = _service.Services.GetRequiredService<ClientImport>();
        var result = await import.ImportPortraitsAsync(SyntheticClients.Generate([Advisor], 4_000, seed: 1, today), "benchmark", "benchmark", CancellationToken.None);
        _population = _service.Services.GetRequiredService<ClientPopulation>();
        var leads = await _client.GetStringAsync($"/v1/leads?advisorId={Advisor}&top=500");
        Console.WriteLine($"// Imported {result.Inserted} clients; GET /v1/leads answered {leads.Length:N0} characters");
    }

    [GlobalCleanup]
    public void Stop()
    {
        _client.Dispose();
        _service.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Read 4,000 portraits and their tags (naive floor)")]
    public async Task<int> ReadBook() => (await _population.LoadAsync(Advisor, CancellationToken.None)).Count;

    [Benchmark(Description = "GET /v1/leads?top=50, 4,000 clients")]
    public Task<string> Top50() => _client.GetStringAsync($"/v1/leads?advisorId={Advisor}&top=50");

    [Benchmark(Description = "GET /v1/leads?top=500, 4,000 clients")]
    public Task<string> Top500() => _client.GetStringAsync($"/v1/leads?advisorId={Advisor}&top=500");

    // In process: on a machine shared by several builds the generated project's build outran BenchmarkDotNet's two-minute limit,
    // and a request that takes tens of milliseconds is not one the in-process toolchain's lighter isolation could skew.
    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default
            .WithWarmupCount(3).WithIterationCount(30).WithInvocationCount(1).WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove).WithToolchain(InProcessEmitToolchain.Instance));
    }
}
