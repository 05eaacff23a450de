using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Copilot.Api.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Hosting;

/// <summary>
/// The ASP.NET Core rate limiter, partitioned per caller: the API key's name when one authenticated, else the remote
/// address. Two windows are chained: every request counts against the general one, model-backed ones also against a
/// stricter one. A refusal is a 429 problem with Retry-After.
/// </summary>
public static class RateLimiting
{
    public static WebApplicationBuilder AddCopilotRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            var window = TimeSpan.FromSeconds(limits.WindowSeconds);
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsExempt(context)
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetFixedWindowLimiter(CallerOf(context), _ => Window(limits.PermitsPerWindow, window))),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsExempt(context) || !IsModelBacked(context.Request)
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetFixedWindowLimiter(CallerOf(context), _ => Window(limits.ModelPermitsPerWindow, window))));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>After authentication, so a key's requests count as that key's wherever they come from.</summary>
    public static WebApplication UseCopilotRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled) app.UseRateLimiter();
        return app;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static bool IsExempt(HttpContext context) => context.Request.Path.StartsWithSegments("/health");

    // The endpoints whose every call may cost a model call (or several: condensing, answering, judging); MCP's tool calls
    // (ask, draft_client_message) travel in the same POSTs as its listings, so every POST to /mcp counts.
    private static bool IsModelBacked(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value is { } path
        && (path.TrimEnd('/') is "/v1/chat" or "/v1/chat/completions" or "/v1/drafts" or "/mcp"
            || (path.StartsWith("/v1/drafts/", StringComparison.Ordinal) && path.TrimEnd('/').EndsWith("/revise", StringComparison.Ordinal)));

    // With keys off every caller is the same local admin, so the address tells them apart.
    private static string CallerOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, AuthenticationType: not ApiKeyAuthentication.LocalType } identity
            ? "caller:" + (identity.Name ?? context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "")
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await ProblemResponses.WriteAsync(context, new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests.",
            Detail = $"This caller has used its requests for now; retry after {seconds} seconds.",
        });
    }
}
