using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using Copilot.Benchmarks.Search;

namespace Copilot.Benchmarks;

/// <summary>
/// Runs the benchmarks named by --filter, e.g. <c>dotnet run -c Release -- --filter '*Search*'</c>.
/// Not part of CI: run by hand and write the figures into docs/benchmarks.md.
/// </summary>
internal static class Program
{
    // Named Program inside a namespace so it does not clash with the API's global Program that the chat benchmark hosts.
    public static async Task Main(string[] args)
    {
        if (Outcomes.DashboardLoadRun.Matches(args))
        {
            await Outcomes.DashboardLoadRun.RunAsync(args);
            return;
        }
        if (args is ["prompt-tokens", var log, var drafts])
        {
            Campaigns.PromptTokens.Print(log, int.Parse(drafts));
            return;
        }
        await SearchBenchmarks.PrepareIndexesAsync(FilterValues(args));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.P50, StatisticColumn.P95));
    }

    // The values after --filter (BenchmarkDotNet accepts several), up to the next option.
    private static IReadOnlyList<string> FilterValues(string[] args) =>
        args.SkipWhile(a => a is not ("--filter" or "-f")).Skip(1).TakeWhile(a => !a.StartsWith('-')).ToList();
}
