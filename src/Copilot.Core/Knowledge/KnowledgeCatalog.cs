using Copilot.Audit;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Knowledge;

/// <summary>
/// The list of ingested documents, kept in the records database beside the index. Every change is audited in the same
/// unit of work as the record, and the index is written after both are saved and before they are committed: an index
/// write that fails leaves neither the record nor its audit entry, and an entry that cannot be written leaves the index
/// as it was. (Only a commit failing after the index write could still part them.)
/// </summary>
public sealed class KnowledgeCatalog(IDbContextFactory<CopilotDbContext> contexts, AuditedWork work, AuditTrail audit)
{
    /// <summary>The audit trail's entity type for documents.</summary>
    public const string EntityType = "knowledge_document";

    /// <param name="actor">The key or person uploading, for the audit trail.</param>
    /// <param name="index">Writes the document's chunks to the index; runs after the record and its audit entry are saved, before the commit.</param>
    public Task<KnowledgeDocumentRecord> SaveAsync(KnowledgeDocumentRecord record, string actor, Func<Task> index, CancellationToken ct) =>
        work.RunAsync(async db =>
        {
            var existing = await db.Documents.FindAsync([record.Id], ct);
            var previous = existing is null ? null : new { existing.Version, existing.ContentSha256, existing.Chunks };
            if (existing is null)
            {
                record.Version = 1;
                db.Documents.Add(record);
            }
            else
            {
                record.Version = existing.Version + 1;
                db.Entry(existing).CurrentValues.SetValues(record);
            }
            // What changed, never the text: documents are the firm's content, but the trail need only prove which version it was.
            await audit.AppendAsync(db, EntityType, record.Id, existing is null ? "uploaded" : "replaced", actor, new
            {
                documentId = record.Id, record.Version, record.Title, type = record.Type.ToString(), audience = record.Audience.ToString(),
                record.ContentSha256, record.Chunks, record.SourceName, previous,
            }, ct);
            return record;
        }, ct, _ => index());

    public async Task<KnowledgeDocumentRecord?> FindAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
    }

    public async Task<IReadOnlyList<KnowledgeDocumentRecord>> ListAsync(DocumentType? type, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Documents.AsNoTracking();
        if (type is { } t) query = query.Where(d => d.Type == t);
        return await query.OrderBy(d => d.Id).ToListAsync(ct);
    }

    /// <param name="actor">The key or person deleting, for the audit trail.</param>
    /// <param name="index">Removes the document's chunks from the index and says how many there were.</param>
    /// <returns>Whether there was anything to delete.</returns>
    public async Task<bool> DeleteAsync(string id, string actor, Func<Task<int>> index, CancellationToken ct)
    {
        var deleted = await work.RunAsync(async db =>
        {
            if (await db.Documents.FindAsync([id], ct) is not { } existing) return false;
            db.Documents.Remove(existing);
            await audit.AppendAsync(db, EntityType, id, "deleted", actor, new { documentId = id, existing.Version, existing.ContentSha256, existing.Chunks }, ct);
            return true;
        }, ct, async found => { if (found) await index(); });
        if (deleted) return true;
        // Chunks without a record (an upload interrupted between index and commit): cleaning them up is a change too.
        var orphans = await index();
        if (orphans > 0)
            await work.RunAsync(async db =>
            {
                await audit.AppendAsync(db, EntityType, id, "deleted", actor, new { documentId = id, chunks = orphans }, ct);
                return true;
            }, ct);
        return orphans > 0;
    }
}
