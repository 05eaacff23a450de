using Copilot.Audit;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Copilot.Campaigns;

/// <summary>Marks a running campaign completed, audited, once none of its clients is queued or drafting.</summary>
public sealed class CampaignCompletion(
    IDbContextFactory<CopilotDbContext> contexts, AuditedWork work, AuditTrail audit, TimeProvider time, ILogger<CampaignCompletion> logger)
{
    public async Task CheckAsync(string campaignId, CancellationToken ct)
    {
        await using (var read = await contexts.CreateDbContextAsync(ct))
        {
            if (await read.CampaignItems.AnyAsync(i => i.CampaignId == campaignId
                    && (i.Status == CampaignItemStatus.Queued || i.Status == CampaignItemStatus.Drafting), ct))
                return;
        }
        await work.RunAsync(async db =>
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId, ct);
            // Several workers may finish the last clients at once; the first to commit completes it.
            if (campaign.Status != CampaignStatus.Running) return false;
            var counts = await db.CampaignItems.Where(i => i.CampaignId == campaignId).GroupBy(i => i.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
            campaign.Status = CampaignStatus.Completed;
            campaign.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
            await audit.AppendAsync(db, "campaign", campaignId, "completed", "service", new
            {
                onBehalfOf = campaign.AdvisorId,
                counts = counts.ToDictionary(c => c.Status.ToString(), c => c.Count),
            }, ct);
            logger.LogInformation("Campaign {CampaignId} completed", campaignId);
            return true;
        }, ct);
    }
}
