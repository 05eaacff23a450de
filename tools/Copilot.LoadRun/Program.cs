using System.Diagnostics;
using System.Text.Json;
using Copilot.LoadRun;

// Usage (from the repository root, after `dotnet build -c Release src/Copilot.Api`):
//   dotnet run -c Release --project tools/Copilot.LoadRun -- steps [--requests 40] [--delay 200] [--baseline /path/to/other/checkout]
//   dotnet run -c Release --project tools/Copilot.LoadRun -- load [--concurrency 16] [--seconds 60] [--phase 10] [--delay 200]
// "steps" times each step of one request at a time from the fake model's own request log; "load" alternates the fake
// model alone, /v1/chat and POST /v1/drafts at a fixed concurrency and samples the service's memory.
var mode = args.FirstOrDefault() ?? "steps";
int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value) : fallback;
var delay = Option("--delay", 200);
var repo = FindRepository();
// Another checkout of the repository (built the same way): its service runs beside this one, requests alternating.
var baseline = args.SkipWhile(a => a != "--baseline").Skip(1).FirstOrDefault();

await using var processes = new ServiceProcesses();
await processes.StartFakeAsync(repo, 18_900, delay);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    Timeout = TimeSpan.FromSeconds(60),
};
var log = new FakeModelLog(processes.FakeLog);

async Task<List<(string Label, Service Service, Requests Requests)>> StartAsync(bool model)
{
    var started = new List<(string, Service, Requests)>();
    if (baseline is not null)
    {
        var before = await processes.StartServiceAsync(baseline, 18_902, model);
        started.Add(($"before ({args.SkipWhile(a => a != "--baseline-label").Skip(1).FirstOrDefault() ?? "baseline"}): ", before, new Requests(http, before.Url, processes.FakeUrl)));
    }
    var service = await processes.StartServiceAsync(repo, 18_901, model);
    started.Add((baseline is null ? "" : "after: ", service, new Requests(http, service.Url, processes.FakeUrl)));
    // Warm each up, then replay the exact chat request the service sends the model as the model-alone baseline.
    foreach (var (_, _, requests) in started)
        for (var i = 0; i < 10; i++)
        {
            await requests.DraftAsync(default);
            if (!model) continue;
            await requests.ChatAsync(default);
            await requests.StreamFirstDeltaAsync(default);
        }
    if (model)
    {
        await started[^1].Item3.ChatAsync(default);
        var request = log.Since(0).Last(e => !e.Streamed).Body;
        foreach (var (_, _, requests) in started) requests.ModelRequest = request;
    }
    return started;
}

var services = await StartAsync(model: true);
Console.WriteLine($"// load average {File.ReadAllText("/proc/loadavg").Trim()}; model delay {delay} ms; commit {Git(repo, "rev-parse --short HEAD")}{(Git(repo, "status --porcelain --untracked-files=no") is { Length: > 0 } ? " + uncommitted changes" : "")}");
if (mode == "steps")
{
    var n = Option("--requests", 40);
    await new StepTimer(services.Select(s => (s.Label, s.Requests, s.Service)).ToList(), log, delay / 1000.0).RunModelModeAsync(n);
    foreach (var (_, service, _) in services) await processes.StopServiceAsync(service);
    var templates = await StartAsync(model: false);
    await StepTimer.RunTemplateModeAsync(templates.Select(s => (s.Label, s.Requests, s.Service)).ToList(), n);
}
else
{
    var (_, service, requests) = services[^1];
    var load = new LoadPhases(requests, service, Option("--concurrency", 16));
    await load.RunAsync(TimeSpan.FromSeconds(Option("--seconds", 60)), TimeSpan.FromSeconds(Option("--phase", 10)));
}
Console.WriteLine($"// load average after {File.ReadAllText("/proc/loadavg").Trim()}");

static string FindRepository()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Copilot.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run from inside the repository.");
}

static string Git(string repo, string arguments)
{
    using var git = Process.Start(new ProcessStartInfo("git", arguments) { WorkingDirectory = repo, RedirectStandardOutput = true })!;
    var output = git.StandardOutput.ReadToEnd().Trim();
    git.WaitForExit();
    return output;
}

/// <summary>The fake model's request log: when each request arrived (its own clock, the same machine's) and its body.</summary>
internal sealed class FakeModelLog(string path)
{
    public int Count => File.Exists(path) ? File.ReadLines(path).Count() : 0;

    public IReadOnlyList<(double Arrived, string Body, bool Streamed)> Since(int line) =>
        File.ReadLines(path).Skip(line).Select(text =>
        {
            using var entry = JsonDocument.Parse(text);
            var body = entry.RootElement.GetProperty("body");
            var streamed = body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            return (entry.RootElement.GetProperty("t").GetDouble(), body.GetRawText(), streamed);
        }).ToList();
}
