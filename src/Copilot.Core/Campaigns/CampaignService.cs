using System.Text.Json;
using Copilot.Advisors;
using Copilot.Audit;
using Copilot.Campaigns.Jobs;
using Copilot.Common;
using Copilot.Drafting;
using Copilot.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Copilot.Campaigns;

/// <summary>
/// Starts campaigns (validated, estimated, stored with one item per client and audited in one unit of work, then handed
/// to the job engine), reports their progress and cancels them. A retried start with the same Idempotency-Key gets the
/// first campaign back; advisors see only their own campaigns.
/// </summary>
public sealed class CampaignService(
    AdvisorDirectory advisors, IEnumerable<ICampaignAudienceSource> audiences,
    CampaignEstimator estimator, CampaignJobQueue queue, IdempotencyStore idempotency, AuditedWork work, AuditTrail audit,
    CampaignProgressReader progress, TimeProvider time, IOptions<InputLimitsOptions> limits, ILogger<CampaignService> logger)
{
    /// <param name="caller">Who asks (the key's name): Idempotency-Keys are the caller's own.</param>
    /// <param name="actor">Who starts it: the audit's actor and the creator of every draft it writes.</param>
    public async Task<(CampaignAccepted Accepted, bool Replayed)> StartAsync(
        CampaignRequest request, string? idempotencyKey, string caller, string actor, CancellationToken ct)
    {
        var (advisorId, scenario, channel, audience) = await ValidateAsync(request, ct);
        var clients = await ResolveAsync(advisorId, audience, ct);
        var estimate = await estimator.EstimateAsync(clients.Count, ct);
        if (request.DryRun == true) return (new CampaignAccepted(null, estimate, true), false);

        var scope = $"campaigns/{caller}";
        if (await idempotency.BeginAsync(scope, idempotencyKey, IdempotencyStore.Fingerprint(request), ct) is { } first)
            return (JsonSerializer.Deserialize<CampaignAccepted>(first, CopilotJson.Options)!, true);
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var campaign = new Campaign
            {
                Id = $"cmp_{Guid.NewGuid():N}",
                AdvisorId = advisorId,
                ScenarioKind = scenario.Kind,
                ScenarioCode = scenario.Code,
                ScenarioNotes = request.Scenario?.Notes,
                Channel = channel.Channel,
                AudienceJson = JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    [audience.Field!] = audience.Field == CampaignAudience.ClientIdsField ? clients.Count : audience.Segment ?? audience.LeadKind,
                }, CopilotJson.Options),
                Status = CampaignStatus.Running,
                Total = clients.Count,
                CreatedBy = actor,
                CreatedAtUtc = now,
            };
            var accepted = new CampaignAccepted(campaign.Id, estimate, false);
            await work.RunAsync(async db =>
            {
                db.Campaigns.Add(campaign);
                db.CampaignItems.AddRange(clients.Select(client => new CampaignItem { CampaignId = campaign.Id, ClientId = client }));
                await audit.AppendAsync(db, "campaign", campaign.Id, "created", actor, new
                {
                    onBehalfOf = advisorId, audience = audience.Field, clients = clients.Count, scenario = scenario.Code, channel = channel.Channel, estimate,
                }, ct);
                await IdempotencyStore.CompleteAsync(db, scope, idempotencyKey!, JsonSerializer.Serialize(accepted, CopilotJson.Options), 202, ct);
                return accepted;
            }, ct);
            // After the commit; if this host stops before the job is stored, the resume job dispatches the clients.
            TryDispatch(campaign.Id);
            logger.LogInformation("Campaign {CampaignId} for advisor {AdvisorId} started: {Clients} clients", campaign.Id, advisorId, clients.Count);
            return (accepted, false);
        }
        catch
        {
            await idempotency.AbandonAsync(scope, idempotencyKey!, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The campaign, if <paramref name="visibleTo"/> accepts its advisor; otherwise not found, so ids leak nothing.</summary>
    public async Task<CampaignProgress> GetAsync(string id, Func<string, bool> visibleTo, CancellationToken ct) =>
        await progress.ReadAsync(id, ct) is { } found && visibleTo(found.AdvisorId) ? found : throw NotFound(id);

    /// <summary>Stops drafting: queued clients are cancelled, drafts already being written finish. Audited.</summary>
    public async Task<CampaignProgress> CancelAsync(string id, string actor, Func<string, bool> visibleTo, CancellationToken ct)
    {
        var current = await GetAsync(id, visibleTo, ct);
        if (current.Status != nameof(CampaignStatus.Running))
            throw new ConflictException($"The campaign is {current.Status}; only a running campaign can be cancelled.");
        await work.RunAsync(async db =>
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == id, ct);
            if (campaign.Status != CampaignStatus.Running) throw new ConflictException($"The campaign is {campaign.Status}; only a running campaign can be cancelled.");
            var cancelled = await db.CampaignItems.Where(i => i.CampaignId == id && i.Status == CampaignItemStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, CampaignItemStatus.Cancelled).SetProperty(i => i.FinishedAtUtc, time.GetUtcNow().UtcDateTime), ct);
            campaign.Status = CampaignStatus.Cancelled;
            campaign.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
            await audit.AppendAsync(db, "campaign", id, "cancelled", actor, new { onBehalfOf = campaign.AdvisorId, cancelledClients = cancelled }, ct);
            return cancelled;
        }, ct);
        logger.LogInformation("Campaign {CampaignId} cancelled by {Actor}", id, actor);
        return (await progress.ReadAsync(id, ct))!;
    }

    private void TryDispatch(string campaignId)
    {
        try { queue.Dispatch(campaignId); }
        catch (Exception e) { logger.LogWarning(e, "Campaign {CampaignId}: its dispatch job could not be stored; the resume job dispatches it", campaignId); }
    }

    private async Task<(string AdvisorId, Scenario Scenario, ChannelFormat Channel, CampaignAudience Audience)> ValidateAsync(CampaignRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.AdvisorId)) errors["advisorId"] = ["Name the advisor the campaign drafts for."];
        var audience = new CampaignAudience(request.Segment, request.LeadKind, request.ClientIds);
        if (audience.Field is null) errors["clientIds"] = ["Send exactly one of segment, leadKind or clientIds."];
        var scenario = ScenarioCatalog.Find(request.Scenario?.Kind, request.Scenario?.Code);
        if (scenario is null)
            errors["scenario"] = [$"Use one of the content matrix's scenarios as {{ \"kind\", \"code\" }}: {string.Join(", ", ScenarioCatalog.All.Select(s => $"{s.Kind}/{s.Code}"))}."];
        if (request.Scenario?.Notes is { } notes && notes.Length > limits.Value.NotesChars)
            errors["scenario.notes"] = [$"Notes are limited to {limits.Value.NotesChars:N0} characters."];
        var channel = ChannelFormat.Find(request.Channel);
        if (channel is null) errors["channel"] = ["Use wechat, sms or email."];
        if (errors.Count > 0) throw new InputValidationException(errors);
        var advisor = await advisors.FindAsync(request.AdvisorId!.Trim(), ct)
            ?? throw new InputValidationException("advisorId", "No such advisor; register it with PUT /v1/advisors/{id}.", unprocessable: true);
        return (advisor.Id, scenario!, channel!, audience);
    }

    private async Task<IReadOnlyList<string>> ResolveAsync(string advisorId, CampaignAudience audience, CancellationToken ct)
    {
        var source = audiences.LastOrDefault(a => a.Field == audience.Field)
            ?? throw new InputValidationException(audience.Field!, $"Campaigns by {audience.Field} are not available in this version; send clientIds.", unprocessable: true);
        var clients = await source.ResolveAsync(advisorId, audience, ct);
        if (clients.Count == 0) throw new InputValidationException(audience.Field!, "The audience has no clients.", unprocessable: true);
        return clients;
    }

    private static NotFoundException NotFound(string id) => new($"No campaign '{id}'.");
}
