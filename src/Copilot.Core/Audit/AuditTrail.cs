using System.Text.Json;
using Copilot.Common;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Audit;

/// <summary>
/// Appends hash-chained audit entries inside the caller's unit of work, and verifies the chain. An entry is linked to
/// the chain's head only when <see cref="AuditedWork"/> commits (<see cref="SealAsync"/>), under a lock that lasts
/// from reading the head to the commit: PostgreSQL's transaction advisory lock across hosts, SQLite's write lock
/// (its transactions begin IMMEDIATE). So concurrent drafts on several hosts wait a few milliseconds for each
/// other's commit instead of forking the chain; the unique PreviousHash index stays as the last guard.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<CopilotDbContext> contexts, TimeProvider time)
{
    /// <summary>Adds an entry to the context (saved with the caller's other changes), chained to the latest entry.</summary>
    /// <param name="actor">The key or person that acted; whom they acted for goes into <paramref name="details"/>.</param>
    /// <param name="rulesVersion">The compliance rules (and judge) that judged the text the entry is about, if any were.</param>
    public Task AppendAsync(
        CopilotDbContext db, string entityType, string entityId, string action, string actor, object details, CancellationToken ct, string? rulesVersion = null)
    {
        // Linked to this unit's previous entry now, to the chain's head when sealed.
        var previous = db.AuditRecords.Local.LastOrDefault(r => db.Entry(r).State == EntityState.Added)?.Hash ?? Unsealed;
        var record = new AuditRecord
        {
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            Actor = actor,
            DetailsJson = JsonSerializer.Serialize(details, CopilotJson.Options),
            CreatedAtUtc = AuditHasher.Stamp(time.GetUtcNow().UtcDateTime),
            RulesVersion = rulesVersion,
            PreviousHash = previous,
            Hash = "",
        };
        record.Hash = AuditHasher.Compute(record);
        db.AuditRecords.Add(record);
        return Task.CompletedTask;
    }

    /// <summary>The previous hash of a unit's first entry until it is sealed; no real hash is empty.</summary>
    private const string Unsealed = "";

    /// <summary>Any 64-bit number the service alone takes with pg_advisory_xact_lock: "AUDITCHN".</summary>
    internal const long ChainLockKey = 0x415544495443484E;

    /// <summary>
    /// Links the unit's new entries, in the order they were appended, to the chain's head, just before they are saved.
    /// On PostgreSQL it first takes the chain's transaction lock, released by the commit or rollback.
    /// </summary>
    internal static async Task SealAsync(CopilotDbContext db, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries<AuditRecord>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0) return;
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", ct);
        var previous = await db.AuditRecords.AsNoTracking().OrderByDescending(r => r.Id).Select(r => r.Hash).FirstOrDefaultAsync(ct)
            ?? AuditHasher.Genesis;
        // The unit's entries form a list from the unsealed one; follow it so their order survives re-hashing.
        var next = added.ToLookup(r => r.PreviousHash);
        var record = added.Single(r => r.PreviousHash == Unsealed);
        for (var i = 0; i < added.Count; i++)
        {
            var following = next[record.Hash].SingleOrDefault();
            record.PreviousHash = previous;
            record.Hash = AuditHasher.Compute(record);
            previous = record.Hash;
            if (following is null) break;
            record = following;
        }
    }

    public async Task<IReadOnlyList<AuditRecord>> ForEntityAsync(string entityType, string entityId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AuditRecords.AsNoTracking().Where(r => r.EntityType == entityType && r.EntityId == entityId).OrderBy(r => r.Id).ToListAsync(ct);
    }

    /// <summary>Walks the whole chain in order, recomputing each hash and each link.</summary>
    /// <param name="recordedHash">A hash recorded from an earlier verification; the chain must still hold it.</param>
    public async Task<AuditVerification> VerifyAsync(string? recordedHash, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var expectedPrevious = AuditHasher.Genesis;
        long count = 0;
        AuditRecord? head = null;
        var recordedFound = recordedHash is null;
        await foreach (var record in db.AuditRecords.AsNoTracking().OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            record.CreatedAtUtc = DateTime.SpecifyKind(record.CreatedAtUtc, DateTimeKind.Utc);
            if (record.PreviousHash != expectedPrevious)
                return new AuditVerification(false, count, record.Id, "The entry does not follow the one before it (a row was removed or inserted).");
            if (AuditHasher.Compute(record) != record.Hash)
                return new AuditVerification(false, count, record.Id, "The entry's content does not match its hash (it was altered).");
            expectedPrevious = record.Hash;
            recordedFound |= string.Equals(record.Hash, recordedHash, StringComparison.OrdinalIgnoreCase);
            head = record;
        }
        if (!recordedFound)
            return new AuditVerification(false, count, null, "The recorded entry is no longer in the chain: its newest entries were removed.", head?.Id, head?.Hash);
        return new AuditVerification(true, count, null, null, head?.Id, head?.Hash);
    }
}
