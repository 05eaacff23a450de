using Serilog;

namespace Copilot.Api.Hosting;

public static class LoggingExtensions
{
    /// <summary>Serilog from configuration ("Serilog" section), to the console by default.</summary>
    public static WebApplicationBuilder AddCopilotLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        return builder;
    }
}
