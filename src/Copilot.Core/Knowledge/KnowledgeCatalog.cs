using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Knowledge;

/// <summary>The list of ingested documents, kept in the records database beside the index.</summary>
public sealed class KnowledgeCatalog(IDbContextFactory<CopilotDbContext> contexts)
{
    public async Task<KnowledgeDocumentRecord> SaveAsync(KnowledgeDocumentRecord record, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var existing = await db.Documents.FindAsync([record.Id], ct);
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
        await db.SaveChangesAsync(ct);
        return record;
    }

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

    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Documents.Where(d => d.Id == id).ExecuteDeleteAsync(ct) > 0;
    }
}
