using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Leads;

/// <summary>
/// How often the firm contacted an advisor's clients since a moment: what the contact cap counts (<see cref="SentEventContactHistory"/>).
/// </summary>
public interface IContactHistory
{
    /// <param name="clientId">One client only, or every client of the advisor when null.</param>
    Task<IReadOnlyDictionary<string, int>> ContactsSinceAsync(string advisorId, DateTime sinceUtc, string? clientId, CancellationToken ct);
}

/// <summary>
/// Contacts as the "sent" events the CRM reports (POST /v1/events) and POST /v1/drafts/{id}/sent records, by when the message
/// went out: a message sent outside the copilot counts toward the cap as well.
/// </summary>
public sealed class SentEventContactHistory(IDbContextFactory<CopilotDbContext> contexts) : IContactHistory
{
    public async Task<IReadOnlyDictionary<string, int>> ContactsSinceAsync(string advisorId, DateTime sinceUtc, string? clientId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sent = db.OutcomeEvents.AsNoTracking().Where(e => e.AdvisorId == advisorId && e.Kind == Copilot.Outcomes.OutcomeKinds.Sent && e.AtUtc >= sinceUtc);
        if (clientId is not null) sent = sent.Where(e => e.ClientId == clientId);
        return await sent.GroupBy(e => e.ClientId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
