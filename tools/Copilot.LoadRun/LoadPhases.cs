using System.Diagnostics;

namespace Copilot.LoadRun;

/// <summary>
/// Closed-loop load at a fixed concurrency, in alternating phases — the fake model alone, /v1/chat, POST /v1/drafts —
/// so all three share the machine's load; the service's resident memory is sampled every second throughout.
/// </summary>
internal sealed class LoadPhases(Requests requests, Service service, int concurrency)
{
    public async Task RunAsync(TimeSpan perTarget, TimeSpan phase)
    {
        var targets = new (Samples Samples, Func<CancellationToken, Task> Send)[]
        {
            (new Samples("fake model alone"), requests.ModelAloneAsync),
            (new Samples("POST /v1/chat (first question)"), requests.ChatAsync),
            (new Samples("POST /v1/drafts (model mode, 2 model calls)"), requests.DraftAsync),
        };
        var busy = new TimeSpan[targets.Length];
        var errors = new int[targets.Length];
        var memory = new List<(double Seconds, string Phase, double MiB)>();
        var clock = Stopwatch.StartNew();
        var phaseName = "start";
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                lock (memory) memory.Add((clock.Elapsed.TotalSeconds, phaseName, service.RssMiB()));
                try { await Task.Delay(1000, stop.Token); } catch (OperationCanceledException) { }
            }
        });

        var rounds = Math.Max(1, (int)Math.Round(perTarget / phase));
        for (var round = 0; round < rounds; round++)
        {
            for (var t = 0; t < targets.Length; t++)
            {
                phaseName = targets[t].Samples.Name;
                var started = clock.Elapsed;
                var until = started + phase;
                var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
                {
                    while (clock.Elapsed < until)
                    {
                        var sent = Stopwatch.GetTimestamp();
                        try
                        {
                            await targets[t].Send(default);
                            targets[t].Samples.Add(Stopwatch.GetElapsedTime(sent).TotalSeconds);
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                        {
                            Interlocked.Increment(ref errors[t]);
                        }
                    }
                })).ToList();
                await Task.WhenAll(workers);
                busy[t] += clock.Elapsed - started;
            }
        }
        stop.Cancel();
        await sampler;

        Console.WriteLine($"\nconcurrency {concurrency}, {rounds} rounds of {phase.TotalSeconds:F0} s per target, alternating\n");
        Console.WriteLine("| target | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max RSS in its phases MiB |\n|---|---:|---:|---:|---:|---:|---:|---:|");
        for (var t = 0; t < targets.Length; t++)
        {
            var s = targets[t].Samples;
            var rss = memory.Where(m => m.Phase == s.Name).Select(m => m.MiB).DefaultIfEmpty(0).Max();
            Console.WriteLine($"| {s.Name} | {s.Count} | {errors[t]} | {s.Count / busy[t].TotalSeconds:F1} | {s.Percentile(50):F1} | {s.Percentile(95):F1} | {s.Percentile(99):F1} | {rss:F0} |");
        }
        Console.WriteLine($"\nservice RSS: start {memory.First().MiB:F0} MiB, max {memory.Max(m => m.MiB):F0} MiB, end {memory.Last().MiB:F0} MiB ({memory.Count} samples, one a second)");
    }
}
