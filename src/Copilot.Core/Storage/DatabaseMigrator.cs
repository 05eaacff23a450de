using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Copilot.Storage;

/// <summary>Applies pending migrations at start, before the services that read the records begin.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<CopilotDbContext> contexts, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public static Task MigrateAsync(IServiceProvider services, CancellationToken ct) =>
        ActivatorUtilities.CreateInstance<DatabaseMigrator>(services).StartAsync(ct);

    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: a commit is one append and one fsync to the log instead of the rollback journal's
            // several, and readers no longer wait for a writer. synchronous stays FULL (the default), so a committed
            // draft or audit entry survives a power cut. The mode is stored in the file, so this runs once per start.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0) return;
        await db.Database.MigrateAsync(ct);
        logger.LogInformation("Applied {Count} database migrations", pending.Count);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
