using Copilot.Drafting;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Outcomes;

/// <summary>
/// The records a batch of events is checked against, read in a few queries per batch (drafts by id, then clients and
/// existing events per advisor), not one per event.
/// </summary>
internal sealed class OutcomeRecordsLookup
{
    private readonly Dictionary<string, DraftRef> _drafts = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string)> _clients = [];
    private readonly Dictionary<(string, string), string> _events = [];

    /// <summary>Drafts whose sending is already recorded, and by which event.</summary>
    public Dictionary<string, string> SentDrafts { get; } = new(StringComparer.Ordinal);

    private sealed record DraftRef(string Id, string AdvisorId, string ClientId, DraftStatus Status);

    public static async Task<OutcomeRecordsLookup> LoadAsync(
        IDbContextFactory<CopilotDbContext> contexts, IEnumerable<OutcomeEventRequest> events, string? onlyAdvisor, CancellationToken ct)
    {
        var list = events.ToList();
        var lookup = new OutcomeRecordsLookup();
        await using var db = await contexts.CreateDbContextAsync(ct);
        foreach (var ids in list.Where(e => e.DraftId is not null).Select(e => e.DraftId!).Distinct().Chunk(500))
        {
            foreach (var d in await db.Drafts.AsNoTracking().Where(d => ids.Contains(d.Id))
                         .Select(d => new DraftRef(d.Id, d.AdvisorId, d.ClientId, d.Status)).ToListAsync(ct))
                lookup._drafts[d.Id] = d;
            foreach (var s in await db.OutcomeEvents.AsNoTracking().Where(e => e.Kind == OutcomeKinds.Sent && ids.Contains(e.DraftId!))
                         .Select(e => new { e.DraftId, e.Id }).ToListAsync(ct))
                lookup.SentDrafts[s.DraftId!] = s.Id;
        }
        foreach (var group in list.GroupBy(e => lookup.AdvisorOf(e, onlyAdvisor)).Where(g => g.Key is not null))
        {
            var advisor = group.Key!;
            foreach (var clientIds in group.Select(e => e.ClientId!).Distinct().Chunk(500))
                foreach (var c in await db.Clients.AsNoTracking().Where(c => c.AdvisorId == advisor && clientIds.Contains(c.ClientId)).Select(c => c.ClientId).ToListAsync(ct))
                    lookup._clients.Add((advisor, c));
            foreach (var eventIds in group.Select(e => e.Id!).Distinct().Chunk(500))
                foreach (var e in await db.OutcomeEvents.AsNoTracking().Where(e => e.AdvisorId == advisor && eventIds.Contains(e.Id))
                             .Select(e => new { e.Id, e.ContentSha256 }).ToListAsync(ct))
                    lookup._events[(advisor, e.Id)] = e.ContentSha256;
        }
        return lookup;
    }

    private string? AdvisorOf(OutcomeEventRequest e, string? onlyAdvisor) =>
        e.AdvisorId ?? onlyAdvisor ?? (e.DraftId is { } id && _drafts.TryGetValue(id, out var d) ? d.AdvisorId : null);

    public string? ExistingHash(string advisor, string id) => _events.GetValueOrDefault((advisor, id));

    /// <summary>The advisor the event belongs to, or why it cannot be taken: another advisor's client or draft is simply not found.</summary>
    public (string? Advisor, RejectedEvent? Rejection) Check(OutcomeEventRequest e, int index, string? onlyAdvisor)
    {
        DraftRef? draft = null;
        if (e.DraftId is { } draftId && !_drafts.TryGetValue(draftId, out draft))
            return (null, new RejectedEvent(index, "draftId", "No such draft for this client."));
        var advisor = AdvisorOf(e, onlyAdvisor);
        if (advisor is null) return (null, new RejectedEvent(index, "advisorId", "Name the advisor whose client this is (or the draft the event is about)."));
        if (draft is not null && (draft.AdvisorId != advisor || draft.ClientId != e.ClientId))
            return (null, new RejectedEvent(index, "draftId", "No such draft for this client."));
        if (!_clients.Contains((advisor, e.ClientId!)))
            return (null, new RejectedEvent(index, "clientId", "No such client for this advisor; import the client first."));
        if (e.Kind == OutcomeKinds.Sent && draft is { Status: not (DraftStatus.Approved or DraftStatus.Sent) })
            return (null, new RejectedEvent(index, "draftId", $"Only an approved draft may be sent; this one is {draft.Status}."));
        return (advisor, null);
    }
}
