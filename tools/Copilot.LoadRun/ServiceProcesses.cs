using System.Diagnostics;

namespace Copilot.LoadRun;

/// <summary>
/// The out-of-process fake model (../shared/tools/fake-openai.py) and the service's built binary, each on its own
/// loopback port, started and stopped by this run so a rerun needs nothing set up by hand.
/// </summary>
internal sealed class ServiceProcesses : IAsyncDisposable
{
    private readonly List<Process> _started = [];

    public string FakeUrl { get; private set; } = "";
    public string FakeLog { get; } = Path.Combine(Path.GetTempPath(), $"copilot-loadrun-{Environment.ProcessId}.jsonl");

    public async Task StartFakeAsync(string repo, int port, int delayMs)
    {
        File.Delete(FakeLog);
        var start = new ProcessStartInfo("python3", [Path.Combine(repo, "..", "shared", "tools", "fake-openai.py"), port.ToString(), delayMs.ToString()])
        {
            UseShellExecute = false,
        };
        start.Environment["FAKE_LOG"] = FakeLog;
        _started.Add(Process.Start(start)!);
        FakeUrl = $"http://127.0.0.1:{port}/v1";
        await WaitAsync(FakeUrl + "/models", null, _started[^1]);
    }

    /// <param name="model">False: template mode (no model configured).</param>
    public async Task<Service> StartServiceAsync(string repo, int port, bool model)
    {
        var dll = Path.Combine(repo, "src", "Copilot.Api", "bin", "Release", "net10.0", "Copilot.Api.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the service first: dotnet build -c Release src/Copilot.Api", dll);
        var data = Path.Combine(Path.GetTempPath(), "copilot-loadrun-data", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet", [dll]) { UseShellExecute = false, RedirectStandardOutput = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        var settings = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__DataPath"] = data,
            // A load run is one caller far past any real advisor's pace: the rate limiter and the token budget would measure themselves.
            ["RateLimits__Enabled"] = "false",
            ["Llm__DailyTokenBudgetPerAdvisor"] = "0",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            // Loopback only, as the benchmarks run it: the authentication handler then only stamps the local caller.
            ["Auth__AllowAnonymous"] = "true",
        };
        if (model)
        {
            settings["Llm__Provider"] = "OpenAICompatible";
            settings["Llm__Endpoint"] = FakeUrl;
            settings["Llm__ApiKey"] = "load-run";
            settings["Llm__ChatModel"] = "fake-model";
            settings["Llm__MaxRetries"] = "0";
        }
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        _started.Add(process);
        var service = new Service(process, $"http://127.0.0.1:{port}");
        await WaitAsync(service.Url + "/health/ready", TimeSpan.FromMinutes(3), process);
        return service;
    }

    public async Task StopServiceAsync(Service service)
    {
        service.Process.Kill(entireProcessTree: true);
        await service.Process.WaitForExitAsync();
        _started.Remove(service.Process);
    }

    private static async Task WaitAsync(string url, TimeSpan? within, Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{url}: the process exited with {process.ExitCode}.");
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{url} did not answer.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _started)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
        File.Delete(FakeLog);
    }
}

/// <summary>A running service process and its loopback address.</summary>
internal sealed record Service(Process Process, string Url)
{
    /// <summary>
    /// CPU time the service process has used (user + system, every thread), in seconds: unlike wall time, it does not
    /// grow when other processes on a busy machine take the cores, so it shows the service's own work under load.
    /// </summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0; // utime, stime in clock ticks (USER_HZ = 100)
    }

    /// <summary>The service's resident memory as the kernel reports it, in MiB.</summary>
    public double RssMiB()
    {
        if (Process.HasExited) return 0;
        Process.Refresh();
        return Process.WorkingSet64 / 1048576.0;
    }
}
