using System.Text.Json;
using Copilot.Common;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Audit;

/// <summary>
/// Appends hash-chained audit entries inside the caller's unit of work, and verifies the chain.
/// Appends are serialised in this process; across replicas the unique PreviousHash index makes a
/// concurrent append fail, and <see cref="AuditedWork"/> retries it.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<CopilotDbContext> contexts, TimeProvider time)
{
    /// <summary>Adds an entry to the context (saved with the caller's other changes), chained to the latest entry.</summary>
    /// <param name="actor">The key or person that acted; whom they acted for goes into <paramref name="details"/>.</param>
    /// <param name="rulesVersion">The compliance rules (and judge) that judged the text the entry is about, if any were.</param>
    public async Task AppendAsync(
        CopilotDbContext db, string entityType, string entityId, string action, string actor, object details, CancellationToken ct, string? rulesVersion = null)
    {
        var previous = db.AuditRecords.Local.LastOrDefault(r => db.Entry(r).State == EntityState.Added)?.Hash
            ?? await db.AuditRecords.OrderByDescending(r => r.Id).Select(r => r.Hash).FirstOrDefaultAsync(ct)
            ?? AuditHasher.Genesis;
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
