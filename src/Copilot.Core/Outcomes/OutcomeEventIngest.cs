using System.Text.Json;
using Copilot.Audit;
using Copilot.Common;
using Copilot.Drafting;
using Copilot.Idempotency;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Copilot.Outcomes;

/// <summary>
/// Takes in the CRM's events, one or a batch: each is checked on its own, then against the records (the client is the
/// advisor's, a draft is that client's and, for "sent", approved); the good ones commit together with one audit entry for
/// the batch (counts per kind, never a client's data), the bad ones are reported by index and field. An event id seen
/// before with the same body is a duplicate and changes nothing; with another body it is a conflict.
/// </summary>
public sealed class OutcomeEventIngest(
    IDbContextFactory<CopilotDbContext> contexts, IdempotencyStore idempotency, AuditedWork work, AuditTrail audit, ContactStamp stamp,
    TimeProvider time, IOptions<OutcomeOptions> options, TableStatistics statistics, ILogger<OutcomeEventIngest> logger)
{
    /// <param name="onlyAdvisor">An advisor's key records its own clients' events only; null for the CRM and admins.</param>
    /// <param name="caller">Who asks: Idempotency-Keys are unique per caller.</param>
    /// <param name="actor">The key or person reporting, for the audit trail.</param>
    public async Task<OutcomeEventsResponse> RecordAsync(
        IReadOnlyList<JsonElement> body, string? onlyAdvisor, string caller, string actor, string? idempotencyKey, CancellationToken ct)
    {
        var settings = options.Value;
        if (body.Count == 0) throw new InputValidationException("events", "Send an event or a non-empty array of events.");
        if (body.Count > settings.MaxEventsPerRequest)
            throw new InputValidationException("events", $"One request takes up to {settings.MaxEventsPerRequest:N0} events; split the batch.");
        var scope = $"events/{caller}";
        if (idempotencyKey is not null
            && await idempotency.BeginAsync(scope, idempotencyKey, IdempotencyStore.Fingerprint(new { body, onlyAdvisor }), ct) is { } first)
            return JsonSerializer.Deserialize<OutcomeEventsResponse>(first, CopilotJson.Options)!;
        try
        {
            OutcomeEventsResponse result;
            try
            {
                result = await AttemptAsync(body, onlyAdvisor, actor, idempotencyKey is null ? null : (scope, idempotencyKey), ct);
            }
            catch (DbUpdateException)
            {
                // Another request stored one of these ids (or sent one of these drafts) between our checks and our write:
                // check again against what it stored.
                result = await AttemptAsync(body, onlyAdvisor, actor, idempotencyKey is null ? null : (scope, idempotencyKey), ct);
            }
            // A CRM backfilling history: the dashboard's plans need the events table's statistics from its first large batch.
            await statistics.RefreshAfterBulkWriteAsync(result.Stored, ct, "outcome_events");
            return result;
        }
        catch when (idempotencyKey is not null)
        {
            await idempotency.AbandonAsync(scope, idempotencyKey, CancellationToken.None);
            throw;
        }
    }

    private async Task<OutcomeEventsResponse> AttemptAsync(
        IReadOnlyList<JsonElement> body, string? onlyAdvisor, string actor, (string Scope, string Key)? idempotencyKey, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rejected = new List<RejectedEvent>();
        var candidates = new List<(int Index, OutcomeEventRequest Event)>();
        for (var i = 0; i < body.Count; i++)
        {
            var (read, rejection) = OutcomeEventValidator.Read(body[i], i);
            rejection ??= OutcomeEventValidator.Check(read!, i, now, options.Value);
            if (rejection is null && onlyAdvisor is not null && read!.AdvisorId is { } named && named != onlyAdvisor)
                rejection = new RejectedEvent(i, "advisorId", "This key records its own advisor's clients' events only.");
            if (rejection is null) candidates.Add((i, read!)); else rejected.Add(rejection);
        }

        var records = await OutcomeRecordsLookup.LoadAsync(contexts, candidates.Select(c => c.Event), onlyAdvisor, ct);
        var accepted = new List<OutcomeEvent>();
        var duplicates = 0;
        var seen = new Dictionary<(string, string), string>();
        var sentDrafts = new HashSet<string>(records.SentDrafts.Keys);
        foreach (var (index, e) in candidates)
        {
            var (advisor, rejection) = records.Check(e, index, onlyAdvisor);
            if (rejection is null)
            {
                var hash = OutcomeEventValidator.Fingerprint(advisor!, e);
                var known = seen.TryGetValue((advisor!, e.Id!), out var earlier) ? earlier : records.ExistingHash(advisor!, e.Id!);
                if (known == hash) { duplicates++; continue; }
                if (known is not null)
                    rejection = new RejectedEvent(index, "id", "This event id was already used for a different event; send a new id for a new event.", Conflict: true);
                else if (e.Kind == OutcomeKinds.Sent && e.DraftId is { } draft && !sentDrafts.Add(draft))
                    rejection = new RejectedEvent(index, "draftId", "This draft's sending is already recorded; a draft is sent once.");
                else
                {
                    seen[(advisor!, e.Id!)] = hash;
                    accepted.Add(new OutcomeEvent
                    {
                        AdvisorId = advisor!, Id = e.Id!, ClientId = e.ClientId!, DraftId = e.DraftId, Kind = e.Kind!, AtUtc = e.At!.Value.UtcDateTime,
                        Amount = e.Amount, ContentSha256 = hash, RecordedBy = actor, RecordedAtUtc = now,
                    });
                }
            }
            if (rejection is not null) rejected.Add(rejection);
        }
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        var result = new OutcomeEventsResponse($"evb_{Guid.NewGuid():N}", body.Count, accepted.Count, duplicates, rejected.Count, rejected);

        await work.RunAsync(async db =>
        {
            db.OutcomeEvents.AddRange(accepted);
            // Saved first inside the transaction, so a contact in this batch sees the logins reported before it in the same batch.
            await db.SaveChangesAsync(ct);
            foreach (var sent in accepted.Where(a => a.Kind == OutcomeKinds.Sent)) await stamp.StampAsync(db, sent, ct);
            await audit.AppendAsync(db, "outcome_events", result.Id, "recorded", actor, new
            {
                onBehalfOf = onlyAdvisor, result.Received, result.Stored, result.Duplicates, result.Rejected,
                kinds = accepted.GroupBy(a => a.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
                advisors = accepted.Select(a => a.AdvisorId).Distinct().Count(),
            }, ct);
            if (idempotencyKey is var (scope, key))
                await IdempotencyStore.CompleteAsync(db, scope, key, JsonSerializer.Serialize(result, CopilotJson.Options), 200, ct);
            return result;
        }, ct);
        if (rejected.Count > 0)
            logger.LogWarning("Outcome events {BatchId}: {Rejected} of {Received} rejected, fields {Fields}",
                result.Id, rejected.Count, body.Count, string.Join(",", rejected.Select(r => r.Field).Distinct()));
        logger.LogInformation("Outcome events {BatchId} by {Actor}: {Stored} stored, {Duplicates} duplicates", result.Id, actor, result.Stored, duplicates);
        return result;
    }
}
