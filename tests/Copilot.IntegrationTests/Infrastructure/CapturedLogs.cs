using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>An in-memory Serilog sink: every event as the lines a sink would write (message, every property, exception).</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IReadOnlyList<LogEvent> Events => _events.ToList();

    /// <summary>Each event rendered whole: its message, each property as name=value, and the exception's full text.</summary>
    public IReadOnlyList<string> Lines => _events.Select(Render).ToList();

    public static string Render(LogEvent e) =>
        $"{e.Level} {e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} | {e.MessageTemplate.Text} | "
        + string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}")) + (e.Exception is null ? "" : " | " + e.Exception);

    /// <summary>Settings that log everything, Verbose, in every category.</summary>
    public static Dictionary<string, string?> VerboseSettings() => new()
    {
        ["Serilog:MinimumLevel:Default"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Verbose",
        ["Serilog:MinimumLevel:Override:System.Net.Http.HttpClient"] = "Verbose",
    };
}
