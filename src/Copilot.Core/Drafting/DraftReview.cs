using System.Text.Json;
using Copilot.Advisors;
using Copilot.Audit;
using Copilot.Common;
using Copilot.Compliance;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Copilot.Drafting;

/// <summary>
/// The review workflow over stored drafts. Every transition is checked against the state machine, saved with
/// optimistic concurrency (two reviewers at once: one wins, the other gets a conflict) and audited in the same
/// transaction. Edited or revised text gets the advisor's footer back and is pre-checked again — before the audited
/// write, so a slow LLM judge holds up no one else's decision.
/// </summary>
public sealed class DraftReview(
    IDbContextFactory<CopilotDbContext> contexts, AuditedWork work, AuditTrail audit, DraftPrecheck precheck,
    AdvisorDirectory advisors, Clients.ClientDirectory clients, Outcomes.ContactStamp contacts, TimeProvider time, IOptions<InputLimitsOptions> limits, ILogger<DraftReview> logger)
{
    /// <summary>The draft, if it exists and <paramref name="visibleTo"/> accepts its advisor; otherwise not found, so ids leak nothing.</summary>
    public async Task<DraftView> GetAsync(string id, Func<string, bool> visibleTo, CancellationToken ct) =>
        await FindAsync(id, ct) is { } draft && visibleTo(draft.AdvisorId) ? DraftView.From(draft) : throw NotFound(id);

    /// <param name="scenarioCode">Only drafts for this cell of the content matrix.</param>
    /// <param name="verdict">Only drafts whose latest pre-check says pass, review or fail.</param>
    /// <param name="ruleId">Only drafts with a finding of this rule (matched in the stored findings, as the API writes them).</param>
    public async Task<DraftPage> ListAsync(DraftStatus? status, string? advisorId, int page, int pageSize, CancellationToken ct,
        string? scenarioCode = null, string? verdict = null, string? ruleId = null, string? campaignId = null)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Drafts.AsNoTracking();
        if (status is { } s) query = query.Where(d => d.Status == s);
        if (!string.IsNullOrWhiteSpace(advisorId)) query = query.Where(d => d.AdvisorId == advisorId);
        if (!string.IsNullOrWhiteSpace(scenarioCode)) query = query.Where(d => d.ScenarioCode == scenarioCode);
        if (!string.IsNullOrWhiteSpace(verdict)) query = query.Where(d => d.Verdict == verdict);
        // Over the (CampaignId, ClientId) index: a campaign's drafts without scanning the advisor's.
        if (!string.IsNullOrWhiteSpace(campaignId)) query = query.Where(d => d.CampaignId == campaignId);
        if (!string.IsNullOrWhiteSpace(ruleId))
        {
            // Contains is translated to instr/strpos, not LIKE, so nothing in the id acts as a wildcard.
            var needle = $"\"ruleId\":{JsonSerializer.Serialize(ruleId, CopilotJson.Options)}";
            query = query.Where(d => d.FindingsJson.Contains(needle));
        }
        var total = await query.CountAsync(ct);
        var drafts = await query.OrderByDescending(d => d.CreatedAtUtc).ThenBy(d => d.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new DraftPage(drafts.Select(DraftView.From).ToList(), page, pageSize, total);
    }

    /// <summary>The drafts written to one of the advisor's clients, newest first (the latest 100).</summary>
    public async Task<IReadOnlyList<DraftView>> ForClientAsync(string advisorId, string clientId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.AdvisorId == advisorId && d.ClientId == clientId)
            .OrderByDescending(d => d.CreatedAtUtc).Take(100).ToListAsync(ct);
        return drafts.Select(DraftView.From).ToList();
    }

    public Task<DraftView> ReviewAsync(string id, ReviewRequest request, CancellationToken ct)
    {
        DraftReviewValidation.Validate(request, limits.Value);
        var approve = request.Decision == "approve";
        var overridden = false;
        return TransitionAsync(id, request.Decision!, request.ReviewerId!, request.ExpectedVersion,
            async draft =>
            {
                if (approve) await EnsureNotAnAuthorAsync(draft, request.ReviewerId!, ct);
                var text = request.EditedText is { } edited ? await RecheckedAsync(draft, edited, "editedText", ct) : null;
                // The latest pre-check is the edit's when there is one, the stored draft's otherwise.
                var failing = text?.Check ?? StoredCheck(draft);
                if (approve && failing.Verdict == ComplianceVerdict.Fail)
                {
                    if (request.Override != true)
                        throw OverrideNeeded(failing, text is null ? null : "editedText");
                    if (!OverrideReason.IsSentence(request.Comment))
                        throw new InputValidationException("comment", OverrideReason.Requirement, unprocessable: true);
                    overridden = true;
                }
                return text;
            },
            async (draft, text, db) =>
            {
                draft.ReviewerId = request.ReviewerId;
                draft.ReviewComment = request.Comment;
                if (text is not null)
                {
                    await audit.AppendAsync(db, "draft", draft.Id, "edited", request.ReviewerId!, new { before = draft.Text, after = text.Text }, ct,
                        text.Check.RulesVersion);
                    Apply(draft, text);
                }
                if (overridden) draft.OverrideReason = request.Comment!.Trim();
                return new
                {
                    request.Decision, request.Comment, edited = text is not null,
                    @override = overridden ? new { reason = draft.OverrideReason, ruleIds = BlockingRuleIds(draft) } : null,
                };
            }, ct);
    }

    /// <summary>Whoever created the draft or wrote its revisions cannot approve it, whatever their role.</summary>
    private async Task EnsureNotAnAuthorAsync(Draft draft, string reviewer, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var authors = await db.AuditRecords.AsNoTracking()
            .Where(r => r.EntityType == "draft" && r.EntityId == draft.Id && (r.Action == "created" || r.Action == "revise"))
            .Select(r => r.Actor).ToListAsync(ct);
        if (draft.CreatedBy is { } creator) authors.Add(creator);
        if (authors.Contains(reviewer, StringComparer.Ordinal))
            throw new ForbiddenException("reviewerId", $"'{reviewer}' wrote this draft; someone else must approve it (separation of duties).");
    }

    private static InputValidationException OverrideNeeded(ComplianceResult check, string? editedField)
    {
        var message = "The latest pre-check fails (" + string.Join("; ", check.Findings.Where(f => f.Severity == FindingSeverity.Block).Select(f => $"{f.RuleId} {f.Message}"))
            + "). To approve it anyway send \"override\": true and say why in the comment.";
        var errors = new Dictionary<string, string[]> { ["override"] = [message] };
        if (editedField is not null) errors[editedField] = ["The edited text fails the pre-check: " + message];
        return new InputValidationException(errors, unprocessable: true);
    }

    private static ComplianceResult StoredCheck(Draft draft) =>
        new(draft.Verdict, JsonSerializer.Deserialize<List<ComplianceFinding>>(draft.FindingsJson, CopilotJson.Options)!, draft.RulesVersion);

    private static List<string> BlockingRuleIds(Draft draft) =>
        StoredCheck(draft).Findings.Where(f => f.Severity == FindingSeverity.Block).Select(f => f.RuleId).Distinct().ToList();

    /// <param name="visibleTo">Whether the caller may see the draft's advisor's drafts; a draft it may not see is not found.</param>
    /// <param name="actor">The key or person revising (audited as the actor; the advisor goes into the details).</param>
    public Task<DraftView> ReviseAsync(string id, ReviseRequest request, string actor, Func<string, bool> visibleTo, CancellationToken ct)
    {
        DraftReviewValidation.Validate(request, limits.Value);
        return TransitionAsync(id, "revise", actor, request.ExpectedVersion,
            async draft => request.AdvisorId == draft.AdvisorId
                ? await RecheckedAsync(draft, request.Text!, "text", ct)
                : throw new InputValidationException("advisorId", "Only the draft's own advisor may revise it.", unprocessable: true),
            (draft, text, _) =>
            {
                Apply(draft, text!);
                return Task.FromResult<object>(new { onBehalfOf = draft.AdvisorId, request.Notes, draft.Verdict, draft.Text });
            }, ct, visibleTo);
    }

    /// <summary>The CRM (<paramref name="actor"/>) confirms the approved message went out.</summary>
    public Task<DraftView> MarkSentAsync(string id, SentRequest request, string actor, CancellationToken ct) =>
        TransitionAsync(id, "sent", actor, request.ExpectedVersion, _ => Task.FromResult<RecheckedText?>(null),
            async (draft, _, db) =>
            {
                // The send is a contact on the dashboard, unless the CRM already reported it as an event.
                if (!await db.OutcomeEvents.AnyAsync(e => e.DraftId == draft.Id && e.Kind == Outcomes.OutcomeKinds.Sent, ct))
                {
                    var sent = Outcomes.ContactStamp.ForSentDraft(draft, time.GetUtcNow().UtcDateTime, actor);
                    await contacts.StampAsync(db, sent, ct);
                    db.OutcomeEvents.Add(sent);
                }
                return new { request.ChannelMessageId };
            }, ct);

    /// <param name="prepare">Runs on the draft as read, outside the audited write: validation and the pre-check.</param>
    /// <param name="apply">Runs inside it, on the same version of the draft; returns the audit entry's details.</param>
    /// <param name="visibleTo">Whether the caller may see the draft's advisor's drafts (null: every draft); if not, it is not found.</param>
    private async Task<DraftView> TransitionAsync(
        string id, string action, string actor, int? expectedVersion, Func<Draft, Task<RecheckedText?>> prepare,
        Func<Draft, RecheckedText?, CopilotDbContext, Task<object>> apply, CancellationToken ct, Func<string, bool>? visibleTo = null)
    {
        var read = await FindAsync(id, ct) is { } found && (visibleTo?.Invoke(found.AdvisorId) ?? true) ? found : throw NotFound(id);
        if (expectedVersion is { } expected && expected != read.Version)
            throw new ConflictException($"The draft changed since version {expected}; it is now version {read.Version}. Reload it and decide again.");
        DraftStateMachine.Next(read.Status, action);
        var text = await prepare(read);
        try
        {
            return await work.RunAsync(async db =>
            {
                var draft = await db.Drafts.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw NotFound(id);
                if (draft.Version != read.Version)
                    throw new ConflictException("Someone else changed this draft while it was being checked; reload it.");
                var from = draft.Status;
                draft.Status = DraftStateMachine.Next(from, action);
                var details = await apply(draft, text, db);
                draft.Version++;
                draft.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
                if (draft.DecidedAtUtc is null && DraftStateMachine.Decisions.Contains(action))
                {
                    draft.DecidedAtUtc = draft.UpdatedAtUtc;
                    draft.ReviewSeconds = (draft.UpdatedAtUtc - draft.CreatedAtUtc).TotalSeconds;
                }
                await audit.AppendAsync(db, "draft", draft.Id, action, actor, new { from = from.ToString(), to = draft.Status.ToString(), details }, ct,
                    draft.RulesVersion);
                logger.LogInformation("Draft {DraftId} {Action} by {Actor}: {From} → {To}", id, action, actor, from, draft.Status);
                return DraftView.From(draft);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else decided on this draft at the same time; reload it.");
        }
    }

    private async Task<Draft?> FindAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
    }

    /// <summary>A person's text for the draft: the channel's footer put back once, within the channel's limit, pre-checked.</summary>
    private async Task<RecheckedText> RecheckedAsync(Draft draft, string written, string field, CancellationToken ct)
    {
        var advisor = await advisors.FindAsync(draft.AdvisorId, ct) ?? throw new NotFoundException($"No advisor '{draft.AdvisorId}'.");
        var chinese = draft.Language.StartsWith("zh");
        var text = ChannelFormat.Find(draft.Channel)!.ComposeWritten(written, advisor, chinese, field);
        var products = JsonSerializer.Deserialize<List<PitchedProduct>>(draft.ProductsJson, CopilotJson.Options)!.Select(p => p.ToProductRef()).ToList();
        var check = await precheck.CheckAsync(text, chinese, draft.Channel, await ProfileAsync(draft, ct), products, ct);
        return new RecheckedText(text, check);
    }

    /// <summary>The stored draft's text pre-checked again, against the current rules and what is stored of its client now.</summary>
    internal async Task<ComplianceResult> RecheckStoredAsync(Draft draft, CancellationToken ct)
    {
        var products = JsonSerializer.Deserialize<List<PitchedProduct>>(draft.ProductsJson, CopilotJson.Options)!.Select(p => p.ToProductRef()).ToList();
        return await precheck.CheckAsync(draft.Text, draft.Language.StartsWith("zh"), draft.Channel, await ProfileAsync(draft, ct), products, ct);
    }

    internal Task<Draft?> FindStoredAsync(string id, CancellationToken ct) => FindAsync(id, ct);

    /// <summary>
    /// The client as drafted for, made stricter by what is stored now: a client imported into the lowest category after the
    /// draft was written gets only R1 products from any edit or revision.
    /// </summary>
    private async Task<ClientProfile> ProfileAsync(Draft draft, CancellationToken ct)
    {
        var stored = await clients.FindAsync(draft.AdvisorId, draft.ClientId, ct);
        var lowest = draft.ClientLowestClass || stored?.LowestClass == true;
        return new ClientProfile(draft.ClientRiskClass, draft.ClientHorizonMonths, lowest, draft.ClientRiskAssessmentExpiry ?? stored?.RiskAssessmentExpiry);
    }

    private static void Apply(Draft draft, RecheckedText text)
    {
        draft.Text = text.Text;
        draft.FindingsJson = JsonSerializer.Serialize(text.Check.Findings, CopilotJson.Options);
        draft.Verdict = text.Check.Verdict;
        draft.Flagged = text.Check.Verdict == "fail";
        draft.RulesVersion = text.Check.RulesVersion;
        // New text, new judgement: an override given for the old text does not carry over.
        draft.OverrideReason = null;
    }

    private static NotFoundException NotFound(string id) => new($"No draft '{id}'.");

    private sealed record RecheckedText(string Text, ComplianceResult Check);
}
