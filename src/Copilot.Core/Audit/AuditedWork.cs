using Microsoft.EntityFrameworkCore;
using Copilot.Storage;

namespace Copilot.Audit;

/// <summary>
/// A unit of work whose changes and audit entries are saved together or not at all. Work is serialised in this
/// process so the chain stays linear; a fork by another replica (unique PreviousHash) is retried.
/// </summary>
public sealed class AuditedWork(IDbContextFactory<CopilotDbContext> contexts)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private const int Attempts = 3;

    public async Task<T> RunAsync<T>(Func<CopilotDbContext, Task<T>> work, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var result = await work(db);
                try
                {
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    return result;
                }
                catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < Attempts && IsChainFork(db))
                {
                    // Another replica appended first; redo the work on top of its entry.
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static bool IsChainFork(CopilotDbContext db) =>
        db.ChangeTracker.Entries<AuditRecord>().Any(entry => entry.State == EntityState.Added);
}
