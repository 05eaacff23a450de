using Hangfire;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Copilot.Campaigns.Jobs;

/// <summary>
/// Hangfire's process-wide settings, set once. Everything per host — storage, job activator, server — is passed to the
/// server and client explicitly instead (no AddHangfire), so several hosts in one process (tests, the two-host test) each
/// run their own jobs on their own database and container.
/// </summary>
internal static class HangfireSetup
{
    private static readonly Lazy<bool> Configured = new(() =>
    {
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new LogBridge());
        return true;
    });

    public static void EnsureConfigured() => _ = Configured.Value;

    /// <summary>The latest started host's logger factory; Hangfire's logging is static, so one host's logs speak for the process.</summary>
    public static ILoggerFactory? Loggers { get; set; }

    /// <summary>Hangfire's warnings and errors into the host's logging (and so through its redaction); its chatter stays out.</summary>
    private sealed class LogBridge : ILogProvider
    {
        public ILog GetLogger(string name) => new Forwarder(name);

        private sealed class Forwarder(string name) : ILog
        {
            public bool Log(HangfireLogLevel level, Func<string>? message, Exception? exception = null)
            {
                if (level < HangfireLogLevel.Warn || Loggers is not { } loggers) return level >= HangfireLogLevel.Warn && Loggers is not null;
                if (message is null) return true;
                try
                {
                    loggers.CreateLogger(name).Log(level == HangfireLogLevel.Warn ? LogLevel.Warning : LogLevel.Error, exception, "Hangfire: {Message}", message());
                }
                catch (ObjectDisposedException)
                {
                    // The host that set the factory has stopped.
                }
                return true;
            }
        }
    }
}
