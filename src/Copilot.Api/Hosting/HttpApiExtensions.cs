using Copilot.Api.Auth;
using Copilot.Common;
using Copilot.Knowledge;
using Microsoft.AspNetCore.Http.Features;
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
        // Leave room for the multipart envelope and form fields; the endpoint checks the file itself against the limit.
        var requestLimit = maxUpload + 1024 * 1024;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = requestLimit);
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = requestLimit);
        return builder;
    }

    public static WebApplication UseCopilotHttpApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging(options => options.GetLevel = RequestLogLevel);
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    // Probes poll every few seconds: their answers are Debug (a failing check logs itself); server errors stay Error.
    private static LogEventLevel RequestLogLevel(HttpContext context, double elapsedMs, Exception? error) =>
        error is not null ? LogEventLevel.Error
        : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Debug
        : context.Response.StatusCode >= 500 ? LogEventLevel.Error
        : LogEventLevel.Information;

    /// <summary>OpenAPI at /openapi/v1.json and the Scalar UI at /scalar.</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        // The API's description is no secret; calling it needs a key.
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(options => options.WithTitle("Advisor Copilot API")).AllowAnonymous();
        return app;
    }
}
