using System.Diagnostics;
using Copilot.Clients;
using Copilot.Common;
using Copilot.Drafting;
using Copilot.Llm;
using Copilot.Storage;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Copilot.Campaigns.Jobs;

/// <summary>
/// Drafts for one client of a campaign, exactly once: the job claims the client's item (only a queued one, or one whose
/// claim outlived its lease), checks no draft of this campaign exists for the client, drafts through the same path as a
/// single draft, and stores the draft and the item's new state in one audited unit of work. The unique (campaign, client)
/// index on drafts makes a second writer — another host, a job Hangfire ran twice — fail instead of drafting again.
/// A model that is rate-limiting or unavailable gets the client retried after its Retry-After, up to Campaigns:MaxAttempts.
/// </summary>
public sealed class CampaignDraftJob(
    IDbContextFactory<CopilotDbContext> contexts, DraftCreation creation, CampaignJobQueue queue, CampaignCompletion completion,
    TimeProvider time, IOptions<CampaignOptions> options, ILogger<CampaignDraftJob> logger)
{
    [Queue(CampaignJobQueue.Queue)]
    // Retries are this job's own (after the model's Retry-After); Hangfire's would run it without the claim.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string campaignId, string clientId, CancellationToken ct)
    {
        var settings = options.Value;
        // Whole milliseconds: PostgreSQL keeps microseconds, so a tick-precise time would never equal the stored one.
        var now = time.GetUtcNow().UtcDateTime;
        var claimedAt = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        var settled = false;
        try
        {
            if (!await ClaimAsync(campaignId, clientId, claimedAt, settings, ct))
            {
                settled = true;
                return;
            }
            await DraftClaimedAsync(campaignId, clientId, settings, ct);
            settled = true;
        }
        finally
        {
            // Whatever stopped this job before the client's item was settled (the host stopping between the claim and the
            // draft, or its services going away under it) hands the claim back now, rather than after the claim's lease: only
            // this job's claim (by its time), so a claim another worker took since is never undone.
            if (!settled) await ReleaseAsync(campaignId, clientId, claimedAt, CancellationToken.None);
        }
    }

    private async Task DraftClaimedAsync(string campaignId, string clientId, CampaignOptions settings, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (await db.Drafts.AsNoTracking().Where(d => d.CampaignId == campaignId && d.ClientId == clientId)
                    .Select(d => new { d.Id, d.Flagged, d.Verdict }).FirstOrDefaultAsync(ct) is { } existing)
            {
                // Drafted before a crash between the draft's commit and this item's: the draft is the item's.
                await FinishAsync(campaignId, clientId, CampaignItemStatus.Drafted, existing.Id, existing.Flagged, existing.Verdict, null, null, ct);
                await completion.CheckAsync(campaignId, ct);
                return;
            }
        }

        var campaign = await LoadAsync(campaignId, ct);
        var clock = Stopwatch.StartNew();
        try
        {
            var request = new DraftRequest(campaign.AdvisorId, new ClientPortrait { Id = clientId },
                new DraftScenario(campaign.ScenarioKind, campaign.ScenarioCode, campaign.ScenarioNotes), campaign.Channel, []);
            await creation.CreateForCampaignAsync(request, campaignId, campaign.CreatedBy, async (db, draft) =>
            {
                var item = await db.CampaignItems.SingleAsync(i => i.CampaignId == campaignId && i.ClientId == clientId, ct);
                Finish(item, CampaignItemStatus.Drafted, draft.Id, draft.Flagged, draft.Verdict, null, (int)clock.ElapsedMilliseconds);
            }, ct);
        }
        catch (ModelCallException e)
        {
            // A model that refused the call itself (a 4xx other than 429: a bad key, a bad request) refuses it again.
            if (Refused(e)) await FailAsync(campaignId, clientId, e.Reason, ct);
            else await RetryOrFailAsync(campaignId, clientId, e.Reason, e.RetryAfter, settings, ct);
        }
        catch (ModelBudgetExceededException e)
        {
            await FailAsync(campaignId, clientId, $"The advisor's model budget for today is spent; it resets at {e.ResetsAtUtc:yyyy-MM-dd HH:mm} UTC.", ct);
        }
        catch (InputValidationException e)
        {
            // The stored portrait cannot be drafted for (a field missing or out of range): named by field, never by value.
            await FailAsync(campaignId, clientId, "The client's portrait cannot be drafted for: " + string.Join(", ", e.Errors.Keys) + ".", ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (e is DbUpdateException && await DraftedElsewhereAsync(campaignId, clientId, ct) is { } other)
            {
                // The unique (campaign, client) index refused a second draft: another worker wrote it first.
                logger.LogInformation("Campaign {CampaignId}: client already drafted by another worker as {DraftId}", campaignId, other);
                await FinishAsync(campaignId, clientId, CampaignItemStatus.Drafted, other, null, null, null, null, ct, keepDraftState: true);
            }
            else
            {
                logger.LogError(e, "Campaign {CampaignId}: drafting a client failed", campaignId);
                await RetryOrFailAsync(campaignId, clientId, "The draft could not be written (an internal error; see the service log).", null, settings, ct);
            }
        }
        // OperationCanceledException (the host is stopping) leaves the claim to RunAsync's hand-back.
        await completion.CheckAsync(campaignId, ct);
    }

    private static bool Refused(ModelCallException e)
    {
        for (Exception? inner = e.InnerException; inner is not null; inner = inner.InnerException)
            if (inner is System.ClientModel.ClientResultException { Status: >= 400 and < 500 and not 429 }) return true;
        return false;
    }

    private async Task<bool> ClaimAsync(string campaignId, string clientId, DateTime now, CampaignOptions settings, CancellationToken ct)
    {
        var stale = now.AddMinutes(-settings.ClaimLeaseMinutes);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.CampaignItems
            .Where(i => i.CampaignId == campaignId && i.ClientId == clientId
                && (i.Status == CampaignItemStatus.Queued || (i.Status == CampaignItemStatus.Drafting && i.ClaimedAtUtc < stale)))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, CampaignItemStatus.Drafting).SetProperty(i => i.ClaimedAtUtc, now)
                .SetProperty(i => i.Attempts, i => i.Attempts + 1), ct) == 1;
    }

    private async Task<Campaign> LoadAsync(string campaignId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, ct);
    }

    private async Task RetryOrFailAsync(string campaignId, string clientId, string reason, TimeSpan? retryAfter, CampaignOptions settings, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await db.CampaignItems.SingleAsync(i => i.CampaignId == campaignId && i.ClientId == clientId, ct);
        if (item.Attempts >= settings.MaxAttempts)
        {
            Finish(item, CampaignItemStatus.Failed, null, false, null, $"{reason} (after {item.Attempts} attempts)", null);
            await db.SaveChangesAsync(ct);
            return;
        }
        // The model's own wait when it named one; otherwise a doubling backoff.
        var delay = retryAfter ?? TimeSpan.FromSeconds(settings.RetryDelaySeconds * Math.Pow(2, item.Attempts - 1));
        item.Status = CampaignItemStatus.Queued;
        item.ClaimedAtUtc = null;
        item.Error = reason;
        await db.SaveChangesAsync(ct);
        queue.DraftLater(campaignId, clientId, delay);
        logger.LogWarning("Campaign {CampaignId}: a draft waits {Seconds:N0} s for the model (attempt {Attempt})", campaignId, delay.TotalSeconds, item.Attempts);
    }

    private Task FailAsync(string campaignId, string clientId, string reason, CancellationToken ct) =>
        FinishAsync(campaignId, clientId, CampaignItemStatus.Failed, null, false, null, reason, null, ct);

    private async Task FinishAsync(string campaignId, string clientId, CampaignItemStatus status, string? draftId, bool? flagged, string? verdict,
        string? error, int? durationMs, CancellationToken ct, bool keepDraftState = false)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await db.CampaignItems.SingleAsync(i => i.CampaignId == campaignId && i.ClientId == clientId, ct);
        if (keepDraftState && draftId is not null)
        {
            var draft = await db.Drafts.AsNoTracking().SingleAsync(d => d.Id == draftId, ct);
            (flagged, verdict) = (draft.Flagged, draft.Verdict);
        }
        Finish(item, status, draftId, flagged ?? false, verdict, error, durationMs);
        await db.SaveChangesAsync(ct);
    }

    private void Finish(CampaignItem item, CampaignItemStatus status, string? draftId, bool flagged, string? verdict, string? error, int? durationMs)
    {
        item.Status = status;
        item.DraftId = draftId;
        item.Flagged = flagged;
        item.Verdict = verdict;
        item.Error = error;
        item.DurationMs = durationMs;
        item.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
    }

    private async Task<string?> DraftedElsewhereAsync(string campaignId, string clientId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Drafts.AsNoTracking().Where(d => d.CampaignId == campaignId && d.ClientId == clientId).Select(d => d.Id).FirstOrDefaultAsync(ct);
    }

    private async Task ReleaseAsync(string campaignId, string clientId, DateTime claimedAt, CancellationToken ct)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await db.CampaignItems.Where(i => i.CampaignId == campaignId && i.ClientId == clientId && i.Status == CampaignItemStatus.Drafting
                    && i.ClaimedAtUtc == claimedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, CampaignItemStatus.Queued).SetProperty(i => i.ClaimedAtUtc, (DateTime?)null)
                    .SetProperty(i => i.Dispatched, false), ct);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Campaign {CampaignId}: a client could not be handed back; the resume job takes it after its lease", campaignId);
        }
    }
}
