using Copilot.Common;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Copilot.Outcomes;

/// <summary>
/// The service dashboard: drafts, contacts and what they achieved, for an advisor, a branch (the advisors whose record names
/// it) or the firm. Every count is grouped by advisor in the database and summed upward, so the three levels add up.
/// </summary>
public sealed class Dashboard(IDbContextFactory<CopilotDbContext> contexts, TimeProvider time, IOptions<OutcomeOptions> options)
{
    public async Task<DashboardResponse> GetAsync(DashboardLevel level, string? id, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var settings = options.Value;
        var last = to ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = from ?? last.AddDays(-29);
        if (first > last) throw new InputValidationException("from", "The window starts after it ends.");
        if (last.DayNumber - first.DayNumber + 1 > settings.MaxDashboardDays)
            throw new InputValidationException("to", $"A window is up to {settings.MaxDashboardDays} days.");
        var start = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var advisors = await AdvisorsAsync(db, level, id, ct);
        var scope = level == DashboardLevel.Firm && id is null ? null : advisors.Select(a => a.Id).ToList();
        var q = new DashboardQueries(db, scope, start, end, settings.ServiceThresholdYuan);

        var counts = await q.DraftsAsync(ct);
        DashboardCounts For(string advisor) => counts.TryGetValue(advisor, out var c) ? c : counts[advisor] = new DashboardCounts();
        void Fill(Dictionary<string, long> by, Action<DashboardCounts, long> set) { foreach (var (a, n) in by) set(For(a), n); }
        Fill(await q.DraftsSentAsync(ct), (c, n) => c.DraftsSent = n);
        Fill(await q.ClientsInBookAsync(ct), (c, n) => c.Clients = n);
        Fill(await q.CountByAdvisorAsync(q.Contacts, ct), (c, n) => c.Contacts = n);
        Fill(await q.ClientsByAdvisorAsync(q.Contacts, ct), (c, n) => c.ClientsServed = n);
        Fill(await q.CountByAdvisorAsync(q.Opened, ct), (c, n) => c.Opened = n);
        Fill(await q.CountByAdvisorAsync(q.Replied, ct), (c, n) => c.Replied = n);
        Fill(await q.ReactivatedAsync(ct), (c, n) => c.Reactivated = n);
        Fill(await q.RecalledAsync(ct), (c, n) => c.Recalled = n);
        foreach (var (a, sum) in await q.AssetsBroughtInAsync(end.AddDays(settings.FollowUpDays), ct)) For(a).AssetsBroughtIn = sum;

        var advisorRows = advisors.Select(a => new DashboardRow("advisor", a.Id, a.Name, a.Branch, For(a.Id).ToFigures(null))).ToList();
        var total = DashboardCounts.Sum(advisors.Select(a => For(a.Id)));
        var totals = total.ToFigures(await DashboardQueries.MedianReviewSecondsAsync(q.Cohort, ct));
        var rows = new List<DashboardRow>();
        if (level != DashboardLevel.Advisor)
        {
            var parts = level == DashboardLevel.Firm
                ? advisors.GroupBy(a => a.Branch).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => ("branch", g.Key, g.Key, g.Key, g.ToList()))
                : advisors.Select(a => ("advisor", (string?)a.Id, (string?)a.Name, a.Branch, new List<AdvisorRef> { a }));
            foreach (var (kind, partId, name, branch, members) in parts)
            {
                var ids = members.Select(m => m.Id).ToList();
                var median = await DashboardQueries.MedianReviewSecondsAsync(q.Cohort.Where(d => ids.Contains(d.AdvisorId)), ct);
                rows.Add(new DashboardRow(kind, partId, name, branch, DashboardCounts.Sum(members.Select(m => For(m.Id))).ToFigures(median)));
            }
        }
        var (funnels, campaignFunnels) = await DashboardFunnels.GetAsync(db, q, ct);
        return new DashboardResponse(level.ToString().ToLowerInvariant(), id, first, last, settings.FollowUpDays, settings.DormantDays,
            settings.ServiceThresholdYuan, totals, rows, advisorRows, funnels, campaignFunnels);
    }

    private sealed record AdvisorRef(string Id, string Name, string? Branch);

    private static async Task<List<AdvisorRef>> AdvisorsAsync(CopilotDbContext db, DashboardLevel level, string? id, CancellationToken ct)
    {
        var query = db.Advisors.AsNoTracking();
        query = level switch
        {
            DashboardLevel.Advisor => query.Where(a => a.Id == id),
            DashboardLevel.Branch => query.Where(a => a.Branch == id),
            _ when id is not null => query.Where(a => a.Firm == id),
            _ => query,
        };
        var advisors = await query.OrderBy(a => a.Id).Select(a => new AdvisorRef(a.Id, a.Name, a.Branch)).ToListAsync(ct);
        if (advisors.Count == 0 && (level != DashboardLevel.Firm || id is not null))
            throw new NotFoundException($"No {level.ToString().ToLowerInvariant()} '{id}'.");
        return advisors;
    }
}
