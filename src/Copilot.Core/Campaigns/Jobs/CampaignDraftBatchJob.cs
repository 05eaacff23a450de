using Copilot.Storage;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Copilot.Campaigns.Jobs;

/// <summary>
/// Drafts a few clients of a campaign one after the other, each exactly as its own <see cref="CampaignDraftJob"/> would
/// (its own claim, retries and unit of work). Why: on SQLite, Hangfire's storage commits each step of a job on its own —
/// creating it, its parameters, every state change with a distributed lock taken and released, the fetch, the removal —
/// about fifteen commits, each with the write-ahead log's fsync under SQLite's one write lock; that, not the CPU or the
/// model, set a 4,000-client campaign's pace (docs/benchmarks.md). A job per few clients pays them once for all of them.
/// A host stopping mid-batch hands back the clients it did not reach, so the resume job gives them to another worker.
/// </summary>
public sealed class CampaignDraftBatchJob(
    CampaignDraftJob draft, IDbContextFactory<CopilotDbContext> contexts, ILogger<CampaignDraftBatchJob> logger)
{
    [Queue(CampaignJobQueue.Queue)]
    // As for one client: retries are the per-client job's own; Hangfire's would re-run clients already drafted.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string campaignId, string[] clientIds, CancellationToken ct)
    {
        for (var i = 0; i < clientIds.Length; i++)
        {
            try
            {
                ct.ThrowIfCancellationRequested();
                await draft.RunAsync(campaignId, clientIds[i], ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // From this client on: one stopped before its claim is still queued but marked dispatched, and no job would take it.
                await HandBackAsync(campaignId, clientIds[i..]);
                throw;
            }
        }
    }

    /// <summary>Clients not reached are undispatched again (only those still queued, so none is drafted twice).</summary>
    private async Task HandBackAsync(string campaignId, string[] clientIds)
    {
        if (clientIds.Length == 0) return;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            await db.CampaignItems.Where(i => i.CampaignId == campaignId && clientIds.Contains(i.ClientId) && i.Status == CampaignItemStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Dispatched, false), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Campaign {CampaignId}: clients not reached before the host stopped could not be handed back; their job runs again after its lease", campaignId);
        }
    }
}
