using Microsoft.EntityFrameworkCore;
using Copilot.Storage;

namespace Copilot.Audit;

/// <summary>
/// A unit of work whose changes and audit entries are saved together or not at all. Its entries are chained to the head
/// at commit (<see cref="AuditTrail.SealAsync"/>). On SQLite, one writer at a time anyway, work is serialised in this
/// process so no transaction waits on another's busy lock; on PostgreSQL units run side by side and wait only for the
/// chain's lock from sealing to commit. A fork from a writer that took no lock (unique PreviousHash) is retried.
/// </summary>
public sealed class AuditedWork(IDbContextFactory<CopilotDbContext> contexts)
{
    private static readonly SemaphoreSlim SqliteGate = new(1, 1);
    private const int Attempts = 3;

    /// <param name="afterSave">
    /// Runs once the changes are written but before they are committed: a change outside the database (the search index)
    /// that must happen only if the audit entry could be written, and whose failure rolls the entry back.
    /// </param>
    public async Task<T> RunAsync<T>(Func<CopilotDbContext, Task<T>> work, CancellationToken ct, Func<T, Task>? afterSave = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var gate = db.Database.IsSqlite() ? SqliteGate : null;
            if (gate is not null) await gate.WaitAsync(ct);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var result = await work(db);
                try
                {
                    await AuditTrail.SealAsync(db, ct);
                    await db.SaveChangesAsync(ct);
                    if (afterSave is not null) await afterSave(result);
                    await transaction.CommitAsync(ct);
                    return result;
                }
                catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < Attempts && IsChainFork(db))
                {
                    // Another writer appended first without the lock; redo the work on top of its entry.
                }
            }
            finally
            {
                gate?.Release();
            }
        }
    }

    private static bool IsChainFork(CopilotDbContext db) =>
        db.ChangeTracker.Entries<AuditRecord>().Any(entry => entry.State == EntityState.Added);
}
