using Copilot.Knowledge;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Copilot.Api.Hosting;

/// <summary>
/// Ready once the first-start ingestion of the sample corpus has finished. While it runs the check is Degraded, not
/// Unhealthy: the probe still answers 503, but a start-up is not logged as an error on every poll.
/// </summary>
internal sealed class KnowledgeReadinessCheck(KnowledgeReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) => Task.FromResult(
        readiness.IsReady ? HealthCheckResult.Healthy()
        : readiness.IsSeeding ? HealthCheckResult.Degraded("Ingesting the sample corpus at first start.")
        : HealthCheckResult.Unhealthy(readiness.Reason));
}

/// <summary>Ready when the records database answers.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<CopilotDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Cannot reach the database.");
    }
}

public static class HealthEndpoints
{
    /// <summary>/health/live: the process answers. /health/ready: database reachable and knowledge seeded.</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        // Probes come from the platform, which holds no API key.
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new()
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        return app;
    }
}
