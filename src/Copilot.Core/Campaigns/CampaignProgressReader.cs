using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Campaigns;

/// <summary>Reads a campaign's progress: items counted by state, failures grouped by reason, tokens from the usage ledger.</summary>
public sealed class CampaignProgressReader(IDbContextFactory<CopilotDbContext> contexts, TimeProvider time)
{
    private const int FailureIdsListed = 10;

    public async Task<CampaignProgress?> ReadAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return null;
        var items = db.CampaignItems.AsNoTracking().Where(i => i.CampaignId == id);
        var counts = await items.GroupBy(i => new { i.Status, i.Flagged, Retrying = i.Error != null })
            .Select(g => new { g.Key.Status, g.Key.Flagged, g.Key.Retrying, Count = g.Count() }).ToListAsync(ct);
        int Count(CampaignItemStatus status, bool? flagged = null) =>
            counts.Where(c => c.Status == status && (flagged is null || c.Flagged == flagged)).Sum(c => c.Count);
        var failures = (await items.Where(i => i.Status == CampaignItemStatus.Failed).Select(i => new { i.Error, i.ClientId }).ToListAsync(ct))
            .GroupBy(f => f.Error ?? "unknown")
            .Select(g => new CampaignFailure(g.Key, g.Count(), g.Select(f => f.ClientId).Order(StringComparer.Ordinal).Take(FailureIdsListed).ToList()))
            .OrderByDescending(f => f.Clients).ToList();
        var usage = db.ModelUsage.AsNoTracking().Where(u => u.CampaignId == id);
        var tokens = new CampaignTokens(await usage.SumAsync(u => u.InputTokens, ct), await usage.SumAsync(u => u.OutputTokens, ct));

        var drafted = Count(CampaignItemStatus.Drafted);
        var failed = Count(CampaignItemStatus.Failed);
        var cancelled = Count(CampaignItemStatus.Cancelled);
        var created = DateTime.SpecifyKind(campaign.CreatedAtUtc, DateTimeKind.Utc);
        DateTime? finished = campaign.FinishedAtUtc is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null;
        var elapsed = ((finished ?? time.GetUtcNow().UtcDateTime) - created).TotalSeconds;
        var done = drafted + failed;
        var remaining = campaign.Total - done - cancelled;
        // At the pace so far: elapsed time per finished client, times the clients left.
        double? eta = campaign.Status == CampaignStatus.Running && done > 0 ? Math.Round(elapsed / done * remaining, 1) : null;
        return new CampaignProgress(
            campaign.Id, campaign.AdvisorId, campaign.Status.ToString(), campaign.ScenarioKind, campaign.ScenarioCode, campaign.Channel,
            campaign.Total, Count(CampaignItemStatus.Queued), Count(CampaignItemStatus.Drafting), drafted,
            Count(CampaignItemStatus.Drafted, flagged: false), Count(CampaignItemStatus.Drafted, flagged: true), failed, cancelled,
            counts.Where(c => c.Status == CampaignItemStatus.Queued && c.Retrying).Sum(c => c.Count),
            failures, tokens, Math.Round(elapsed, 1), eta, created, finished, campaign.CreatedBy);
    }
}
