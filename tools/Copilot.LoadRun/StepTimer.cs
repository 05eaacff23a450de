namespace Copilot.LoadRun;

/// <summary>
/// One request at a time, each step of it timed from the fake model's log: the service's time before its first
/// model call, between two calls, and after the last reply (arrival + the fake's fixed delay), beside the same
/// figures for the fake model called alone.
/// </summary>
internal sealed class StepTimer(IReadOnlyList<(string Label, Requests Requests, Service Service)> services, FakeModelLog log, double delaySeconds)
{
    private static double Now() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;

    public async Task RunModelModeAsync(int n)
    {
        var series = services.Select(s => (s.Requests, Series: new ModelModeSeries(s.Label, s.Service))).ToList();
        var alone = new Samples("fake model alone: whole call − delay");
        var aloneBefore = new Samples("fake model alone: send → arrival");
        var aloneStream = new Samples("fake model alone, streamed: first piece − delay");
        // What a streamed answer's "after the model's reply" holds of the fake's own: its last piece, not only its first.
        var aloneStreamEnd = new Samples("fake model alone, streamed: end of stream − delay");
        for (var i = 0; i < n; i++)
        {
            // Alternate so the machine's load falls on every series alike.
            var requests = services[0].Requests;
            var (sent, calls, done) = await TimedAsync(requests.ModelAloneAsync);
            alone.Add(done - sent - delaySeconds);
            aloneBefore.Add(calls[0] - sent);

            var (first, end) = await requests.ModelStreamAsync(default);
            aloneStream.Add(first.TotalSeconds - delaySeconds);
            aloneStreamEnd.Add(end.TotalSeconds - delaySeconds);
            // ABBA: a request right after another service's pays for that one's leftovers (its GC, its log flush), so the order swaps each time.
            foreach (var (service, of) in i % 2 == 0 ? series : Enumerable.Reverse(series)) await RunOnceAsync(service, of);
        }
        Samples.PrintTable($"model mode, {n} requests of each, one at a time, alternating",
            [alone, aloneBefore, aloneStream, aloneStreamEnd, .. series.SelectMany(s => s.Series.All)]);
        Console.WriteLine("\n| service CPU per request (all threads) | chat ms | streamed chat ms | draft ms |\n|---|---:|---:|---:|");
        foreach (var (_, s) in series)
            Console.WriteLine($"| {s.Label.TrimEnd(' ', ':')} | {s.ChatCpu / n * 1000:F1} | {s.StreamCpu / n * 1000:F1} | {s.DraftCpu / n * 1000:F1} |");
    }

    private async Task RunOnceAsync(Requests requests, ModelModeSeries s)
    {
        {

            var cpu = s.Service.CpuSeconds();
            // One model call, or two when the question is also rewritten into the statute's words (Chat:RewriteQueries): the
            // rewrite, then the answer. Own time leaves out each call's delay.
            var (sent, calls, done) = await TimedAsync(requests.ChatAsync);
            if (calls.Count is not (1 or 2)) throw new InvalidOperationException($"Expected 1 or 2 model calls for a chat, the fake logged {calls.Count}.");
            s.ChatCpu += s.Service.CpuSeconds() - cpu;
            s.ChatBefore.Add(calls[0] - sent);
            s.ChatAfter.Add(done - calls[^1] - delaySeconds);
            s.ChatOwn.Add(done - sent - calls.Count * delaySeconds);

            var line = log.Count;
            cpu = s.Service.CpuSeconds();
            sent = Now();
            var first = await requests.StreamFirstDeltaAsync(default);
            s.StreamCpu += s.Service.CpuSeconds() - cpu;
            var arrived = log.Since(line).Last().Arrived; // the answer's call, after any rewrite
            s.StreamAfter.Add(sent + first.TotalSeconds - arrived - delaySeconds);
            s.StreamOwn.Add(first.TotalSeconds - delaySeconds);

            cpu = s.Service.CpuSeconds();
            (sent, calls, done) = await TimedAsync(requests.DraftAsync, expectedCalls: 2);
            s.DraftCpu += s.Service.CpuSeconds() - cpu;
            s.DraftBefore.Add(calls[0] - sent);
            s.DraftBetween.Add(calls[1] - calls[0] - delaySeconds);
            s.DraftAfter.Add(done - calls[1] - delaySeconds);
            s.DraftOwn.Add(done - sent - 2 * delaySeconds);
        }
    }

    public static async Task RunTemplateModeAsync(IReadOnlyList<(string Label, Requests Requests, Service Service)> templates, int n)
    {
        var drafts = templates.Select(t => (t.Requests, t.Service, Samples: new Samples($"{t.Label}template-mode draft: whole request"), Cpu: new double[1])).ToList();
        for (var i = 0; i < n; i++)
        {
            foreach (var (template, service, samples, cpu) in i % 2 == 0 ? drafts : Enumerable.Reverse(drafts))
            {
                var used = service.CpuSeconds();
                var sent = Now();
                await template.DraftAsync(default);
                samples.Add(Now() - sent);
                cpu[0] += service.CpuSeconds() - used;
            }
        }
        Samples.PrintTable($"template mode, {n} drafts, one at a time, alternating", drafts.Select(d => d.Samples));
        foreach (var d in drafts) Console.WriteLine($"| {d.Samples.Name}: service CPU per draft | {d.Cpu[0] / n * 1000:F1} ms |");
    }

    private async Task<(double Sent, IReadOnlyList<double> Calls, double Done)> TimedAsync(Func<CancellationToken, Task> send, int? expectedCalls = null)
    {
        var line = log.Count;
        var sent = Now();
        await send(default);
        var done = Now();
        var calls = log.Since(line).Select(e => e.Arrived).ToList();
        if (expectedCalls is { } expected && calls.Count != expected)
            throw new InvalidOperationException($"Expected {expected} model calls, the fake logged {calls.Count}.");
        return (sent, calls, done);
    }
}

/// <summary>The steps of chat, streamed chat and drafts for one service build.</summary>
internal sealed class ModelModeSeries(string label, Service service)
{
    public string Label => label;
    public Service Service => service;
    public double ChatCpu { get; set; }
    public double StreamCpu { get; set; }
    public double DraftCpu { get; set; }

    public Samples ChatBefore { get; } = new($"{label}chat: before the model call");
    public Samples ChatAfter { get; } = new($"{label}chat: after the model's reply");
    public Samples ChatOwn { get; } = new($"{label}chat: own time (total − delay)");
    public Samples StreamAfter { get; } = new($"{label}chat streamed: first delta after the model's first piece");
    public Samples StreamOwn { get; } = new($"{label}chat streamed: first delta − delay");
    public Samples DraftBefore { get; } = new($"{label}draft: before the first model call");
    public Samples DraftBetween { get; } = new($"{label}draft: between write and judge");
    public Samples DraftAfter { get; } = new($"{label}draft: after the judge's reply");
    public Samples DraftOwn { get; } = new($"{label}draft: own time (total − 2 × delay)");

    public IEnumerable<Samples> All => [ChatBefore, ChatAfter, ChatOwn, StreamAfter, StreamOwn, DraftBefore, DraftBetween, DraftAfter, DraftOwn];
}
