using Copilot.Drafting;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Outcomes;

/// <summary>
/// The dashboard's queries, each one GROUP BY in the database over an index (contacts by kind and time; a client's trades
/// and deposits after a contact by advisor, client, kind and time; drafts by advisor and creation time), so a firm of
/// 80,000 clients is a dozen aggregate queries, never its rows loaded. <paramref name="scope"/> null means every advisor.
/// </summary>
internal sealed class DashboardQueries(CopilotDbContext db, IReadOnlyList<string>? scope, DateTime start, DateTime end, double threshold)
{
    private IQueryable<OutcomeEvent> Events => scope is null ? db.OutcomeEvents : db.OutcomeEvents.Where(e => scope.Contains(e.AdvisorId));

    /// <summary>Contacts in the window: sent events whose time is in it.</summary>
    public IQueryable<OutcomeEvent> Contacts => Events.Where(e => e.Kind == OutcomeKinds.Sent && e.AtUtc >= start && e.AtUtc < end);

    public IQueryable<Draft> Cohort =>
        (scope is null ? db.Drafts : db.Drafts.Where(d => scope.Contains(d.AdvisorId))).Where(d => d.CreatedAtUtc >= start && d.CreatedAtUtc < end);

    public IQueryable<OutcomeEvent> Opened => WithDraftEvent(OutcomeKinds.Opened);

    public IQueryable<OutcomeEvent> Replied => WithDraftEvent(OutcomeKinds.Replied);

    private IQueryable<OutcomeEvent> WithDraftEvent(string kind) =>
        Contacts.Where(c => c.DraftId != null && db.OutcomeEvents.Any(o => o.DraftId == c.DraftId && o.Kind == kind));

    /// <summary>Contacts after which the client traded within the follow-up window (after the contact, up to its end).</summary>
    public IQueryable<OutcomeEvent> TradedAfter => Contacts.Where(c => db.OutcomeEvents.Any(t =>
        t.AdvisorId == c.AdvisorId && t.ClientId == c.ClientId && t.Kind == OutcomeKinds.Traded && t.AtUtc > c.AtUtc && t.AtUtc <= c.FollowUntilUtc));

    public async Task<Dictionary<string, long>> CountByAdvisorAsync(IQueryable<OutcomeEvent> events, CancellationToken ct) =>
        await events.GroupBy(e => e.AdvisorId).Select(g => new { g.Key, N = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);

    /// <summary>Distinct clients among the contacts, per advisor.</summary>
    public async Task<Dictionary<string, long>> ClientsByAdvisorAsync(IQueryable<OutcomeEvent> events, CancellationToken ct) =>
        await events.Select(e => new { e.AdvisorId, e.ClientId }).Distinct().GroupBy(e => e.AdvisorId)
            .Select(g => new { g.Key, N = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);

    public Task<Dictionary<string, long>> ReactivatedAsync(CancellationToken ct) =>
        ClientsByAdvisorAsync(TradedAfter.Where(c => c.DormantAtContact == true), ct);

    /// <summary>Deposits within the follow-up window of some contact in the window: each deposit once, however many contacts precede it.</summary>
    public async Task<Dictionary<string, double>> AssetsBroughtInAsync(DateTime lastCredited, CancellationToken ct)
    {
        var contacts = Contacts;
        return await Events.Where(d => d.Kind == OutcomeKinds.Deposited && d.AtUtc > start && d.AtUtc <= lastCredited
                && contacts.Any(c => c.AdvisorId == d.AdvisorId && c.ClientId == d.ClientId && c.AtUtc < d.AtUtc && d.AtUtc <= c.FollowUntilUtc))
            .GroupBy(d => d.AdvisorId).Select(g => new { g.Key, Sum = g.Sum(d => d.Amount ?? 0) }).ToDictionaryAsync(g => g.Key, g => g.Sum, ct);
    }

    /// <summary>Clients below the threshold at a contact whose assets then plus the deposits of its follow-up window reach it.</summary>
    public Task<Dictionary<string, long>> RecalledAsync(CancellationToken ct) =>
        ClientsByAdvisorAsync(Contacts.Where(c => c.AssetsAtContact < threshold
            && c.AssetsAtContact + (db.OutcomeEvents.Where(d => d.AdvisorId == c.AdvisorId && d.ClientId == c.ClientId && d.Kind == OutcomeKinds.Deposited
                && d.AtUtc > c.AtUtc && d.AtUtc <= c.FollowUntilUtc).Sum(d => d.Amount) ?? 0) >= threshold), ct);

    public async Task<Dictionary<string, long>> ClientsInBookAsync(CancellationToken ct) =>
        await (scope is null ? db.Clients : db.Clients.Where(c => scope.Contains(c.AdvisorId)))
            .GroupBy(c => c.AdvisorId).Select(g => new { g.Key, N = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);

    public async Task<Dictionary<string, DashboardCounts>> DraftsAsync(CancellationToken ct)
    {
        var rows = await Cohort.GroupBy(d => d.AdvisorId).Select(g => new
        {
            g.Key,
            Generated = g.LongCount(),
            Approved = g.Sum(d => d.Status == DraftStatus.Approved || d.Status == DraftStatus.Sent ? 1L : 0L),
            Rejected = g.Sum(d => d.Status == DraftStatus.Rejected ? 1L : 0L),
            ChangesRequested = g.Sum(d => d.Status == DraftStatus.ChangesRequested ? 1L : 0L),
            Pending = g.Sum(d => d.Status == DraftStatus.PendingReview ? 1L : 0L),
            Blocked = g.Sum(d => d.Revisions > 0 ? 1L : 0L),
            Flagged = g.Sum(d => d.Flagged ? 1L : 0L),
            Reviewed = g.Sum(d => d.ReviewSeconds != null ? 1L : 0L),
        }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => new DashboardCounts
        {
            Generated = r.Generated, Approved = r.Approved, Rejected = r.Rejected, ChangesRequested = r.ChangesRequested, Pending = r.Pending,
            Blocked = r.Blocked, Flagged = r.Flagged, Reviewed = r.Reviewed,
        });
    }

    /// <summary>Drafts of the window that were sent (have a sent event), per advisor.</summary>
    public async Task<Dictionary<string, long>> DraftsSentAsync(CancellationToken ct) =>
        await Cohort.Where(d => db.OutcomeEvents.Any(e => e.DraftId == d.Id && e.Kind == OutcomeKinds.Sent))
            .GroupBy(d => d.AdvisorId).Select(g => new { g.Key, N = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);

    /// <summary>The median of the review times of <paramref name="drafts"/>, found in the database: a count, then the middle one or two.</summary>
    public static async Task<double?> MedianReviewSecondsAsync(IQueryable<Draft> drafts, CancellationToken ct)
    {
        var reviewed = drafts.Where(d => d.ReviewSeconds != null);
        var n = await reviewed.CountAsync(ct);
        if (n == 0) return null;
        var middle = await reviewed.OrderBy(d => d.ReviewSeconds).Skip((n - 1) / 2).Take(n % 2 == 1 ? 1 : 2).Select(d => d.ReviewSeconds!.Value).ToListAsync(ct);
        return middle.Average();
    }

    /// <summary>
    /// A funnel stage grouped by the contact's draft's scenario and campaign in one query, so the scenario and the campaign
    /// funnels come from the same rows (contacts without a draft under null keys).
    /// </summary>
    public async Task<List<FunnelCount>> ByDraftAsync(IQueryable<OutcomeEvent> stage, CancellationToken ct) =>
        await (from c in stage
               join d in db.Drafts on c.DraftId equals d.Id into drafts
               from d in drafts.DefaultIfEmpty()
               group c by new { Scenario = d == null ? null : d.ScenarioCode, Campaign = d == null ? null : d.CampaignId } into g
               select new FunnelCount(g.Key.Scenario, g.Key.Campaign, g.LongCount())).ToListAsync(ct);
}

/// <summary>How many contacts of one funnel stage had a draft of this scenario and campaign.</summary>
internal sealed record FunnelCount(string? Scenario, string? Campaign, long N);
