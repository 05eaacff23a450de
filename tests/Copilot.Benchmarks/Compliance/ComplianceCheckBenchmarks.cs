using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Copilot.Compliance;
using Copilot.Compliance.Rules;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Perfolizer.Mathematics.OutlierDetection;

namespace Copilot.Benchmarks.Compliance;

/// <summary>
/// The compliance pre-check in rules-only mode (no model) on 500-character advisor messages, pinned to one core.
/// "Throughput" runs many checks per iteration, so its mean gives checks per second; "Latency" runs one check per
/// iteration, so its P50/P95/P99 are percentiles of a single check. The messages are the labelled set's own texts run
/// together to 500 characters (48 Chinese, 16 English), each with a client and an R4 and a locked-up product, so the
/// structured checks run as well as the text rules.
/// </summary>
[Config(typeof(Config))]
public class ComplianceCheckBenchmarks
{
    private const int MessageLength = 500;

    private ComplianceChecker _checker = null!;
    private ComplianceCheckRequest[] _requests = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "knowledge", "rules");
        var options = Options.Create(new ComplianceOptions { RulesFolder = folder, UseLlmJudge = false });
        _checker = new ComplianceChecker(ComplianceRuleSet.Load(folder), options, NullLogger<ComplianceChecker>.Instance);
        _requests = [.. Messages("zh-CN", 48), .. Messages("en", 16)];
        foreach (var request in _requests) _checker.CheckAsync(request, CancellationToken.None).GetAwaiter().GetResult();
        _next = 0;
    }

    [Benchmark(Description = "Rules-only check, 500 chars")]
    public Task<ComplianceResult> Check() => _checker.CheckAsync(_requests[_next++ % _requests.Length], CancellationToken.None);

    private static IEnumerable<ComplianceCheckRequest> Messages(string language, int count)
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "tests", "Copilot.UnitTests", "Compliance", "Data", "compliance-messages.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var texts = document.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("language").GetString() == language).Select(m => m.GetProperty("text").GetString()!).ToList();
        var client = new ClientProfile("C3", 12);
        ProductRef[] products = [new("ES4002", "R4"), new("ES2001", "R3", 24)];
        for (var i = 0; i < count; i++)
        {
            var text = "";
            for (var j = i; text.Length < MessageLength; j++) text += texts[j % texts.Count] + (language == "en" ? " " : "");
            yield return new ComplianceCheckRequest(text[..MessageLength], language, "wechat", client, products);
        }
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            var oneCore = Job.Default.WithAffinity(1);
            // On a loaded shared machine the generated benchmark project can outlast BenchmarkDotNet's two-minute build
            // timeout; COPILOT_BENCH_IN_PROCESS=1 runs the same jobs in this process instead of building one.
            if (Environment.GetEnvironmentVariable("COPILOT_BENCH_IN_PROCESS") == "1") oneCore = oneCore.WithToolchain(InProcessEmitToolchain.Instance);
            AddJob(oneCore.WithId("Throughput"));
            // One check per iteration: the percentiles are of single checks, and slow ones are kept, not dropped.
            AddJob(oneCore.WithId("Latency").WithWarmupCount(50).WithIterationCount(2000).WithInvocationCount(1).WithUnrollFactor(1)
                .WithOutlierMode(OutlierMode.DontRemove));
            AddColumn(StatisticColumn.OperationsPerSecond, new P99Column());
        }
    }

    /// <summary>The 99th percentile of the measurements (BenchmarkDotNet's own percentile columns stop at P95).</summary>
    private sealed class P99Column : IColumn
    {
        public string Id => "P99";
        public string ColumnName => "P99";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Statistics;
        public int PriorityInCategory => 10;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Time;
        public string Legend => "99th percentile of the measurements";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            summary[benchmarkCase]?.ResultStatistics is { } statistics
                ? TimeInterval.FromNanoseconds(statistics.Percentiles.Percentile(99)).ToString("N1", style.CultureInfo)
                : "NA";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}
