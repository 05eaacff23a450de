using Copilot.Storage;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Copilot.Campaigns.Jobs;

/// <summary>
/// Creates one drafting job per client of a campaign, in batches, marking each batch dispatched; and, minutely, resumes
/// what a stopped host left: clients whose claim outlived its lease go back to the queue, undispatched clients get jobs,
/// and finished campaigns are closed. A dispatch runs under Hangfire's distributed lock per campaign, so two hosts never
/// dispatch the same campaign at once; a job created twice anyway finds its client claimed or drafted and does nothing.
/// </summary>
public sealed class CampaignDispatcher(
    IDbContextFactory<CopilotDbContext> contexts, CampaignJobStorage storage, CampaignJobQueue queue, CampaignCompletion completion,
    TimeProvider time, IOptions<CampaignOptions> options, ILogger<CampaignDispatcher> logger)
{
    private const int Batch = 500;

    /// <summary>
    /// Clients per drafting job: up to Campaigns:ClientsPerJob, but never so many that this host's workers would wait for
    /// work — a batch gets at most half a worker's share of it (200 clients on 16 workers: 6 each; 20 clients: one each).
    /// </summary>
    private int ClientsPerJob(int clients) =>
        Math.Clamp(clients / (2 * options.Value.Concurrency), 1, options.Value.ClientsPerJob);

    [Queue(CampaignJobQueue.Queue)]
    [AutomaticRetry(Attempts = 3)]
    public async Task DispatchAsync(string campaignId, CancellationToken ct)
    {
        using var connection = storage.Current.GetConnection();
        using var _ = connection.AcquireDistributedLock($"campaign-dispatch:{campaignId}", TimeSpan.FromMinutes(1));
        var dispatched = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var clients = await db.CampaignItems.Where(i => i.CampaignId == campaignId && i.Status == CampaignItemStatus.Queued && !i.Dispatched)
                .OrderBy(i => i.ClientId).Select(i => i.ClientId).Take(Batch).ToListAsync(ct);
            if (clients.Count == 0) break;
            foreach (var jobClients in clients.Chunk(ClientsPerJob(clients.Count))) queue.Draft(campaignId, jobClients);
            await db.CampaignItems.Where(i => i.CampaignId == campaignId && clients.Contains(i.ClientId))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Dispatched, true), ct);
            dispatched += clients.Count;
        }
        if (dispatched > 0) logger.LogInformation("Campaign {CampaignId}: {Count} drafting jobs created", campaignId, dispatched);
    }

    [Queue(CampaignJobQueue.Queue)]
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task ResumeAsync(CancellationToken ct)
    {
        var stale = time.GetUtcNow().UtcDateTime.AddMinutes(-options.Value.ClaimLeaseMinutes);
        List<string> running;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            running = await db.Campaigns.Where(c => c.Status == CampaignStatus.Running).Select(c => c.Id).ToListAsync(ct);
            foreach (var id in running)
            {
                var abandoned = await db.CampaignItems.Where(i => i.CampaignId == id && i.Status == CampaignItemStatus.Drafting && i.ClaimedAtUtc < stale)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, CampaignItemStatus.Queued).SetProperty(i => i.ClaimedAtUtc, (DateTime?)null)
                        .SetProperty(i => i.Dispatched, false), ct);
                if (abandoned > 0) logger.LogWarning("Campaign {CampaignId}: {Count} clients left mid-draft by a stopped host are queued again", id, abandoned);
            }
        }
        foreach (var id in running)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            if (await db.CampaignItems.AnyAsync(i => i.CampaignId == id && i.Status == CampaignItemStatus.Queued && !i.Dispatched, ct))
                await DispatchAsync(id, ct);
            await completion.CheckAsync(id, ct);
        }
    }
}
