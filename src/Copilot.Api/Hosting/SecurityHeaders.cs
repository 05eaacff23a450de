using Microsoft.Extensions.Options;

namespace Copilot.Api.Hosting;

/// <summary>
/// Headers on every response: CSP (no inline script; the Scalar reference, which needs inline script and its own
/// assets, gets a policy of its own that still forbids framing), frame-ancestors 'none' with X-Frame-Options DENY,
/// nosniff, no referrer, and no-store on the API's answers, which hold client data. Plus HTTPS redirection, HSTS and CORS.
/// </summary>
public static class SecurityHeaders
{
    private const string CorsPolicy = "ConfiguredOrigins";
    private const string ScalarPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddCopilotSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HttpSecurityOptions>().BindConfiguration(HttpSecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(HttpSecurityOptions.Section).Get<HttpSecurityOptions>() ?? new HttpSecurityOptions();
        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins([.. options.CorsOrigins]).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Retry-After", "Location")));
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(options.HstsMaxAgeDays));
        builder.Services.AddHttpsRedirection(https => https.HttpsPort = options.HttpsPort);
        return builder;
    }

    /// <summary>First in the pipeline, so errors, 401s and 429s carry the headers too.</summary>
    public static WebApplication UseCopilotSecurityHeaders(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<HttpSecurityOptions>>().Value;
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() => AddHeaders(context, options));
            return next(context);
        });
        if (options.RequireHttps && !app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        if (options.CorsOrigins.Count > 0) app.UseCors(CorsPolicy);
        return app;
    }

    private static Task AddHeaders(HttpContext context, HttpSecurityOptions options)
    {
        var headers = context.Response.Headers;
        var path = context.Request.Path;
        headers.ContentSecurityPolicy = path.StartsWithSegments("/scalar") ? ScalarPolicy : options.ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // Answers, drafts and audit trails name clients: no browser or proxy may keep a copy.
        if (path.StartsWithSegments("/v1"))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
        return Task.CompletedTask;
    }
}
