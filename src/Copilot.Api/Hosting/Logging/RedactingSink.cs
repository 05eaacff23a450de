using Serilog.Core;
using Serilog.Events;

namespace Copilot.Api.Hosting.Logging;

/// <summary>
/// The one door to every configured sink: each event is redacted first, and model traffic at Verbose (prompts and
/// replies, which hold client data) is dropped. The sinks live in <paramref name="sinks"/>, a logger of their own.
/// </summary>
public sealed class RedactingSink(LogEventRedactor redactor, Logger sinks) : ILogEventSink, IDisposable
{
    private static readonly string[] ModelTraffic = ["Microsoft.SemanticKernel", "Microsoft.Extensions.AI", "OpenAI", "System.ClientModel"];

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Level == LogEventLevel.Verbose && IsModelTraffic(logEvent)) return;
        sinks.Write(redactor.Redact(logEvent));
    }

    private static bool IsModelTraffic(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue(Constants.SourceContextPropertyName, out var source)
        && source is ScalarValue { Value: string name }
        && ModelTraffic.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));

    public void Dispose() => sinks.Dispose();
}
