using Copilot.Api.Auth;
using Copilot.Common;
using Copilot.Knowledge;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Rewrite;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Events;

namespace Copilot.Api.Hosting;

public static class HttpApiExtensions
{
    /// <summary>JSON shape, RFC 7807 problems, OpenAPI, health checks and upload limits.</summary>
    public static WebApplicationBuilder AddCopilotHttpApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(json => CopilotJson.Configure(json.SerializerOptions));
        services.AddOptions<InputLimitsOptions>().BindConfiguration(InputLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddProblemDetails();
        services.AddExceptionHandler<ModelFailureExceptionHandler>();
        services.AddExceptionHandler<CopilotExceptionHandler>();
        // Binding failures throw, so the exception handler can name the field instead of answering an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<ApiKeySecurityTransformer>());
        services.AddHealthChecks()
            .AddCheck<KnowledgeReadinessCheck>("knowledge", tags: ["ready"])
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        var maxUpload = builder.Configuration.GetSection(KnowledgeOptions.Section).Get<KnowledgeOptions>()?.MaxUploadBytes
            ?? new KnowledgeOptions().MaxUploadBytes;
        var maxImport = builder.Configuration.GetSection(Copilot.Clients.ClientOptions.Section).Get<Copilot.Clients.ClientOptions>()?.MaxImportBytes
            ?? new Copilot.Clients.ClientOptions().MaxImportBytes;
        // Leave room for the multipart envelope and form fields; the endpoint checks the file itself against the limit.
        var requestLimit = Math.Max(maxUpload, maxImport) + 1024 * 1024;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = requestLimit);
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = requestLimit);
        return builder;
    }

    public static WebApplication UseCopilotHttpApi(this WebApplication app)
    {
        // Outside the exception handler, so each request is logged once with the status its caller got, not as a 500.
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms{Rejected:l}";
            options.GetLevel = RequestLogLevel;
            // This host's logger, not the static one: with several hosts in one process (tests) the static is the last built.
            options.Logger = app.Services.GetService<Serilog.ILogger>();
            options.EnrichDiagnosticContext = (diagnostics, context) => diagnostics.Set("Rejected",
                CopilotExceptionHandler.RejectedFields(context) is { } fields ? $"; rejected fields: {fields}" : "");
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimit>();
        // The review page lives at /review; /review.html (older links, bookmarks) keeps working as the file itself.
        app.UseRewriter(new RewriteOptions().AddRewrite("^review$", "review.html", skipRemainingRules: true));
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    // Probes poll every few seconds: their answers are Debug (a failing check logs itself); server errors stay Error;
    // rejected requests are Warning (an unknown page or record is only Information: browsers ask for favicons).
    internal static LogEventLevel RequestLogLevel(HttpContext context, double elapsedMs, Exception? error) =>
        error is not null ? LogEventLevel.Error
        : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Debug
        : context.Response.StatusCode >= 500 ? LogEventLevel.Error
        : context.Response.StatusCode == StatusCodes.Status404NotFound ? LogEventLevel.Information
        : context.Response.StatusCode >= 400 ? LogEventLevel.Warning
        : LogEventLevel.Information;

    /// <summary>OpenAPI at /openapi/v1.json and the Scalar UI at /scalar.</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        // The API's description is no secret; calling it needs a key.
        app.MapOpenApi().AllowAnonymous();
        // Its default fonts come from a third-party host: the page would call out from every advisor's browser, and CSP refuses it.
        app.MapScalarApiReference(options => options.WithTitle("Advisor Copilot API").DisableDefaultFonts()).AllowAnonymous();
        return app;
    }
}
