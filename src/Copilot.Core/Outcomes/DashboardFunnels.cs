using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Outcomes;

/// <summary>
/// The dashboard's funnels (sent → opened → replied → traded) by scenario and by campaign, from four grouped queries. A
/// campaign belongs to one advisor, so its funnel is the same at every level that holds it, and a level's campaign funnels
/// (with the contacts outside any campaign under a null id) sum to its contacts, as its branches' and advisors' do.
/// </summary>
internal static class DashboardFunnels
{
    public static async Task<(IReadOnlyList<FunnelRow> ByScenario, IReadOnlyList<CampaignFunnelRow> ByCampaign)> GetAsync(
        CopilotDbContext db, DashboardQueries q, CancellationToken ct)
    {
        var stages = new[]
        {
            await q.ByDraftAsync(q.Contacts, ct), await q.ByDraftAsync(q.Opened, ct),
            await q.ByDraftAsync(q.Replied, ct), await q.ByDraftAsync(q.TradedAfter, ct),
        };

        Dictionary<string, long[]> Sum(Func<FunnelCount, string?> key)
        {
            var sums = new Dictionary<string, long[]>(StringComparer.Ordinal);
            for (var stage = 0; stage < stages.Length; stage++)
                foreach (var row in stages[stage])
                {
                    var k = key(row) ?? "";
                    if (!sums.TryGetValue(k, out var counts)) sums[k] = counts = new long[stages.Length];
                    counts[stage] += row.N;
                }
            return sums;
        }

        var scenarios = Sum(r => r.Scenario).OrderByDescending(s => s.Value[0]).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new FunnelRow("scenario", s.Key.Length == 0 ? null : s.Key, s.Value[0], s.Value[1], s.Value[2], s.Value[3]))
            .ToList();

        var byCampaign = Sum(r => r.Campaign);
        var ids = byCampaign.Keys.Where(k => k.Length > 0).ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.AdvisorId, c.ScenarioCode, c.Channel, c.CreatedAtUtc, c.Status })
            .ToDictionaryAsync(c => c.Id, ct);
        // Newest campaign first; the contacts outside any campaign last.
        var rows = byCampaign.OrderBy(c => c.Key.Length == 0)
            .ThenByDescending(c => campaigns.TryGetValue(c.Key, out var m) ? m.CreatedAtUtc : DateTime.MinValue).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c =>
            {
                var known = campaigns.GetValueOrDefault(c.Key);
                return new CampaignFunnelRow(c.Key.Length == 0 ? null : c.Key, known?.AdvisorId, known?.ScenarioCode, known?.Channel,
                    known?.CreatedAtUtc, known?.Status.ToString().ToLowerInvariant(), c.Value[0], c.Value[1], c.Value[2], c.Value[3]);
            })
            .ToList();
        return (scenarios, rows);
    }
}
