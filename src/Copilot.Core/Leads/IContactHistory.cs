using Copilot.Drafting;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Leads;

/// <summary>
/// How often the firm contacted an advisor's clients since a moment: what the contact cap counts. The seam for the CRM's events
/// (POST /v1/events, "sent") once they are stored; until then <see cref="SentDraftContactHistory"/> counts drafts marked sent.
/// </summary>
public interface IContactHistory
{
    /// <param name="clientId">One client only, or every client of the advisor when null.</param>
    Task<IReadOnlyDictionary<string, int>> ContactsSinceAsync(string advisorId, DateTime sinceUtc, string? clientId, CancellationToken ct);
}

/// <summary>Contacts as drafts to the client that the CRM confirmed sent (POST /v1/drafts/{id}/sent), by when they were last updated.</summary>
public sealed class SentDraftContactHistory(IDbContextFactory<CopilotDbContext> contexts) : IContactHistory
{
    public async Task<IReadOnlyDictionary<string, int>> ContactsSinceAsync(string advisorId, DateTime sinceUtc, string? clientId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sent = db.Drafts.AsNoTracking().Where(d => d.AdvisorId == advisorId && d.Status == DraftStatus.Sent && d.UpdatedAtUtc >= sinceUtc);
        if (clientId is not null) sent = sent.Where(d => d.ClientId == clientId);
        return await sent.GroupBy(d => d.ClientId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
