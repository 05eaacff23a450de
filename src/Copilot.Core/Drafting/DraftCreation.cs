using System.Text.Json;
using Copilot.Advisors;
using Copilot.Audit;
using Copilot.Clients;
using Copilot.Common;
using Copilot.Idempotency;
using Copilot.Llm;
using Copilot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Copilot.Drafting;

/// <summary>
/// Drafts a client message: validate, look up the advisor, retrieve client-suitable research, write, add the
/// channel footer, pre-check, revise once if it fails, and store it for review with an audit entry — all or
/// nothing. A retried request with the same Idempotency-Key gets the first draft back.
/// </summary>
public sealed class DraftCreation(
    AdvisorDirectory advisors,
    ClientDirectory clients,
    DraftResearch research,
    DraftWriter writer,
    DraftPrecheck precheck,
    IdempotencyStore idempotency,
    AuditedWork work,
    AuditTrail audit,
    GeneratorInfo generator,
    ModelBudget budget,
    TimeProvider time,
    IOptions<InputLimitsOptions> limits,
    ILogger<DraftCreation> logger)
{
    /// <param name="caller">Who asks (an API key's name): Idempotency-Keys are unique per caller, so callers cannot collide.</param>
    /// <param name="actor">The key or person creating it: recorded as its creator (who may not approve it) and the audit's actor.</param>
    /// <returns>The draft, and whether it is the stored first result of an earlier identical request.</returns>
    public async Task<(DraftView Draft, bool Replayed)> CreateAsync(DraftRequest request, string? idempotencyKey, string caller, string actor, CancellationToken ct)
    {
        var scope = $"drafts/{caller}";
        var (valid, advisor) = await ValidateAsync(request, ct);

        if (await idempotency.BeginAsync(scope, idempotencyKey, IdempotencyStore.Fingerprint(request), ct) is { } first)
            return (JsonSerializer.Deserialize<DraftView>(first, CopilotJson.Options)!, true);
        try
        {
            // After the replay check, so a retry of a draft made before the budget ran out still gets it back.
            await budget.EnsureAvailableAsync(advisor.Id, ct);
            var draft = await ComposeAsync(valid, advisor, ct);
            draft.CreatedBy = actor;
            var view = await work.RunAsync(async db =>
            {
                await ClientDirectory.AddIfNewAsync(db, advisor.Id, valid.Client, draft.CreatedAtUtc, ct);
                db.Drafts.Add(draft);
                await audit.AppendAsync(db, "draft", draft.Id, "created", actor,
                    new { onBehalfOf = advisor.Id, draft.Generator, draft.Verdict, draft.Flagged, draft.Revisions, draft.ScenarioCode, draft.Channel, draft.Text },
                    ct, draft.RulesVersion);
                var created = DraftView.From(draft);
                await IdempotencyStore.CompleteAsync(db, scope, idempotencyKey!, JsonSerializer.Serialize(created, CopilotJson.Options), 201, ct);
                return created;
            }, ct);
            logger.LogInformation("Draft {DraftId} for advisor {AdvisorId} created: {Verdict}, {Revisions} revisions", view.Id, advisor.Id, view.Verdict, view.Revisions);
            return (view, false);
        }
        catch
        {
            await idempotency.AbandonAsync(scope, idempotencyKey!, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Drafts for one client of a campaign: the same validation, writing, pre-check and audited write as a single draft,
    /// without an Idempotency-Key (the campaign's unique (campaign, client) index does that job), the draft marked with its
    /// campaign, and <paramref name="record"/> run in the same unit of work (the campaign's item is updated with the draft).
    /// </summary>
    public async Task<DraftView> CreateForCampaignAsync(
        DraftRequest request, string campaignId, string actor, Func<CopilotDbContext, Draft, Task> record, CancellationToken ct)
    {
        var (valid, advisor) = await ValidateAsync(request, ct);
        await budget.EnsureAvailableAsync(advisor.Id, ct);
        var draft = await ComposeAsync(valid, advisor, ct, campaignId);
        draft.CreatedBy = actor;
        draft.CampaignId = campaignId;
        return await work.RunAsync(async db =>
        {
            db.Drafts.Add(draft);
            await audit.AppendAsync(db, "draft", draft.Id, "created", actor,
                new { onBehalfOf = advisor.Id, campaignId, draft.Generator, draft.Verdict, draft.Flagged, draft.Revisions, draft.ScenarioCode, draft.Channel, draft.Text },
                ct, draft.RulesVersion);
            await record(db, draft);
            return DraftView.From(draft);
        }, ct);
    }

    /// <summary>The request checked with its stored portrait filled in, and the advisor it drafts for, which must be registered.</summary>
    private async Task<(ValidDraftRequest Valid, Advisor Advisor)> ValidateAsync(DraftRequest request, CancellationToken ct)
    {
        var valid = DraftRequestValidator.Validate(await WithStoredClientAsync(request, ct), limits.Value);
        var advisor = await advisors.FindAsync(valid.AdvisorId, ct)
            ?? throw new InputValidationException("advisorId", "No such advisor; register it with PUT /v1/advisors/{id}.", unprocessable: true);
        return (valid, advisor);
    }

    /// <summary>The request with its client's stored portrait filled in under what the request itself sends.</summary>
    private async Task<DraftRequest> WithStoredClientAsync(DraftRequest request, CancellationToken ct)
    {
        if (request.Client is not { Id: { Length: > 0 and <= 64 } id } sent || string.IsNullOrWhiteSpace(request.AdvisorId)) return request;
        var stored = await clients.FindAsync(request.AdvisorId.Trim(), id, ct);
        return stored is null ? request : request with { Client = stored.OverriddenBy(sent) };
    }

    private async Task<Draft> ComposeAsync(ValidDraftRequest request, Advisor advisor, CancellationToken ct, string? campaignId = null)
    {
        // Every model call of this draft — research embeddings, writing, the judge, the revision — spends this advisor's
        // budget, and counts for its campaign if it has one.
        using var call = ModelCallContext.Begin(ModelPurpose.Draft, advisor.Id, campaignId);
        var context = new DraftContext(request, advisor, await research.FindAsync(request.Scenario, request.Client, request.ClientClass, ct));
        var written = await writer.WriteAsync(context, ct);
        var text = request.Channel.Compose(written.Body, advisor, request.Chinese);
        var check = await precheck.CheckAsync(request, text, ct);
        var revisions = 0;
        if (check.Verdict == "fail")
        {
            revisions = 1;
            var revised = await writer.ReviseAsync(context, written.Body, check.Findings, ct);
            text = request.Channel.Compose(revised, advisor, request.Chinese);
            check = await precheck.CheckAsync(request, text, ct);
        }

        var now = time.GetUtcNow().UtcDateTime;
        return new Draft
        {
            Id = $"dft_{Guid.NewGuid():N}",
            AdvisorId = advisor.Id,
            ClientId = request.Client.Id!,
            ScenarioKind = request.Scenario.Kind,
            ScenarioCode = request.Scenario.Code,
            Channel = request.Channel.Channel,
            Language = request.Chinese ? "zh-CN" : "en",
            ClientRiskClass = request.Client.RiskClass!,
            ClientHorizonMonths = request.Client.HorizonMonths,
            ClientLowestClass = request.Client.LowestClass == true,
            ClientRiskAssessmentExpiry = request.Client.RiskAssessmentExpiry,
            ProductsJson = JsonSerializer.Serialize(request.Products, CopilotJson.Options),
            Status = DraftStatus.PendingReview,
            Text = text,
            CitationsJson = JsonSerializer.Serialize(written.Citations, CopilotJson.Options),
            FindingsJson = JsonSerializer.Serialize(check.Findings, CopilotJson.Options),
            Verdict = check.Verdict,
            RulesVersion = check.RulesVersion,
            // Still failing after the revision: stored and reviewed like any other draft, but flagged.
            Flagged = check.Verdict == "fail",
            Generator = generator.Name,
            Revisions = revisions,
            Version = 1,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
    }
}
