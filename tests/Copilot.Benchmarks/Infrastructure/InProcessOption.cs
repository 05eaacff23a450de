using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Copilot.Benchmarks.Infrastructure;

/// <summary>
/// COPILOT_BENCH_IN_PROCESS=1 runs a class's job in the host process. Why: on a loaded two-core machine
/// BenchmarkDotNet's per-run rebuild of the project outlasts its build timeout; in process, a before/after pair of
/// builds runs back to back in minutes. The process then also holds what the host did before (e.g. building indexes).
/// </summary>
public static class InProcessOption
{
    public static Job Apply(Job job) =>
        Environment.GetEnvironmentVariable("COPILOT_BENCH_IN_PROCESS") == "1" ? job.WithToolchain(InProcessEmitToolchain.Instance) : job;
}
