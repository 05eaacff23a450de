using Copilot.Api.Hosting.Logging;
using Microsoft.Extensions.Compliance.Redaction;
using Serilog;
using Serilog.Core;

namespace Copilot.Api.Hosting;

public static class LoggingExtensions
{
    // Configuration that chooses sinks; everything else in "Serilog" (levels, enrichers, filters) shapes events before redaction.
    private static readonly string[] SinkSections = ["Serilog:WriteTo", "Serilog:AuditTo"];

    /// <summary>
    /// Serilog from configuration ("Serilog" section), to the console by default, with every sink behind one redacting
    /// door: levels, enrichers and filters apply first, then personal data and secrets are masked, then any sink writes.
    /// </summary>
    public static WebApplicationBuilder AddCopilotLogging(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // Whatever their class, masked values are erased: the log says what kind of value was there, never which.
        builder.Services.AddRedaction(redaction => redaction.SetFallbackRedactor<ErasingRedactor>());
        // This host's own logger, not the static one: with several hosts in one process (tests) the static is the last built.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) =>
        {
            var sinks = new LoggerConfiguration().MinimumLevel.Verbose()
                .ReadFrom.Configuration(Subset(configuration, include: true))
                .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            foreach (var sink in services.GetServices<ILogEventSink>()) sinks.WriteTo.Sink(sink);

            logger.ReadFrom.Configuration(Subset(configuration, include: false)).Enrich.FromLogContext();
            foreach (var enricher in services.GetServices<ILogEventEnricher>()) logger.Enrich.With(enricher);
            foreach (var filter in services.GetServices<ILogEventFilter>()) logger.Filter.With(filter);
            var redactor = new LogEventRedactor(services.GetRequiredService<IRedactorProvider>(), KnownSecrets(configuration));
            logger.WriteTo.Sink(new RedactingSink(redactor, sinks.CreateLogger()));
        });
        return builder;
    }

    // The Serilog section with (include) or without the keys that choose sinks; "Using" goes to both, it names assemblies.
    private static IConfiguration Subset(IConfiguration configuration, bool include)
    {
        var keys = configuration.GetSection("Serilog").AsEnumerable()
            .Where(kv => kv.Key.StartsWith("Serilog:Using", StringComparison.OrdinalIgnoreCase)
                || SinkSections.Any(s => kv.Key.StartsWith(s, StringComparison.OrdinalIgnoreCase)) == include);
        return new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
    }

    // Configured secrets (model and Qdrant keys, passwords in connection strings) are masked wherever they turn up verbatim.
    private static IEnumerable<string> KnownSecrets(IConfiguration configuration) =>
        configuration.AsEnumerable()
            .Where(kv => kv.Value is { Length: >= 6 } && (kv.Key.EndsWith("ApiKey", StringComparison.OrdinalIgnoreCase)
                || kv.Key.EndsWith("Password", StringComparison.OrdinalIgnoreCase) || kv.Key.EndsWith("Secret", StringComparison.OrdinalIgnoreCase)))
            .Select(kv => kv.Value!);
}
