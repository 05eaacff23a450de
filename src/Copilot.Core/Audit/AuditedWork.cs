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

    /// <param name="afterSave">
    /// Runs once the changes are written but before they are committed: a change outside the database (the search index)
    /// that must happen only if the audit entry could be written, and whose failure rolls the entry back.
    /// </param>
    public async Task<T> RunAsync<T>(Func<CopilotDbContext, Task<T>> work, CancellationToken ct, Func<T, Task>? afterSave = null)
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
                    if (afterSave is not null) await afterSave(result);
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
