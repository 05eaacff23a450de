using System.Text.Json;
using Copilot.Advisors;
using Copilot.Audit;
using Copilot.Common;
using Copilot.Compliance;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Copilot.Drafting;

/// <summary>
/// The review workflow over stored drafts. Every transition is checked against the state machine, saved with
/// optimistic concurrency (two reviewers at once: one wins, the other gets a conflict) and audited in the same
/// transaction. Edited or revised text is pre-checked again.
/// </summary>
public sealed class DraftReview(
    IDbContextFactory<CopilotDbContext> contexts, AuditedWork work, AuditTrail audit, ComplianceChecker checker,
    AdvisorDirectory advisors, TimeProvider time, ILogger<DraftReview> logger)
{
    /// <summary>The draft, if it exists and <paramref name="visibleTo"/> accepts its advisor; otherwise not found, so ids leak nothing.</summary>
    public async Task<DraftView> GetAsync(string id, Func<string, bool> visibleTo, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var draft = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return draft is not null && visibleTo(draft.AdvisorId) ? DraftView.From(draft) : throw NotFound(id);
    }

    public async Task<DraftPage> ListAsync(DraftStatus? status, string? advisorId, int page, int pageSize, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Drafts.AsNoTracking();
        if (status is { } s) query = query.Where(d => d.Status == s);
        if (!string.IsNullOrWhiteSpace(advisorId)) query = query.Where(d => d.AdvisorId == advisorId);
        var total = await query.CountAsync(ct);
        var drafts = await query.OrderByDescending(d => d.CreatedAtUtc).ThenBy(d => d.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new DraftPage(drafts.Select(DraftView.From).ToList(), page, pageSize, total);
    }

    public Task<DraftView> ReviewAsync(string id, ReviewRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.ReviewerId)) errors["reviewerId"] = ["Who decides is required for the audit trail."];
        if (request.Decision is null || !DraftStateMachine.Decisions.Contains(request.Decision))
            errors["decision"] = ["Use approve, reject or request_changes."];
        if (request.Decision is "reject" or "request_changes" && string.IsNullOrWhiteSpace(request.Comment))
            errors["comment"] = ["Say why, so the advisor can act on it."];
        if (request.EditedText is { } edited && (string.IsNullOrWhiteSpace(edited) || request.Decision != "approve"))
            errors["editedText"] = ["Edited text must be non-empty and comes with an approve decision."];
        if (errors.Count > 0) throw new InputValidationException(errors);

        return TransitionAsync(id, request.Decision!, request.ReviewerId!, request.ExpectedVersion, async (draft, db) =>
        {
            draft.ReviewerId = request.ReviewerId;
            draft.ReviewComment = request.Comment;
            if (request.EditedText is { } text)
            {
                var check = await RecheckAsync(draft, text, ct);
                if (check.Verdict == "fail")
                    throw new InputValidationException("editedText", "The edited text fails the pre-check: " +
                        string.Join("; ", check.Findings.Where(f => f.Severity == "block").Select(f => $"{f.RuleId} {f.Message}")), unprocessable: true);
                await audit.AppendAsync(db, "draft", draft.Id, "edited", request.ReviewerId!, new { before = draft.Text, after = text }, ct);
                Apply(draft, text, check);
            }
            else if (request.Decision == "approve" && draft.Verdict == "fail" && string.IsNullOrWhiteSpace(request.Comment))
            {
                throw new InputValidationException("comment", "Approving a draft that fails the pre-check needs a comment saying why.");
            }
            return new { request.Decision, request.Comment, edited = request.EditedText is not null };
        }, ct);
    }

    public Task<DraftView> ReviseAsync(string id, ReviseRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Text)) throw new InputValidationException("text", "Send the revised message text.");
        return TransitionAsync(id, "revise", request.AdvisorId ?? "", request.ExpectedVersion, async (draft, db) =>
        {
            if (request.AdvisorId != draft.AdvisorId)
                throw new InputValidationException("advisorId", "Only the draft's own advisor may revise it.", unprocessable: true);
            var advisor = await advisors.FindAsync(draft.AdvisorId, ct) ?? throw NotFound(draft.AdvisorId);
            var channel = ChannelFormat.Find(draft.Channel)!;
            var chinese = draft.Language.StartsWith("zh");
            // The footer is ours: whatever the advisor sent, the message ends with the identity and risk text once.
            var text = channel.Compose(request.Text.Replace(channel.Footer(advisor, chinese), "").Trim(), advisor, chinese);
            Apply(draft, text, await RecheckAsync(draft, text, ct));
            return new { request.Notes, draft.Verdict, draft.Text };
        }, ct);
    }

    /// <summary>The CRM (<paramref name="actor"/>) confirms the approved message went out.</summary>
    public Task<DraftView> MarkSentAsync(string id, SentRequest request, string actor, CancellationToken ct) =>
        TransitionAsync(id, "sent", actor, request.ExpectedVersion, (_, _) => Task.FromResult<object>(new { request.ChannelMessageId }), ct);

    private async Task<DraftView> TransitionAsync(
        string id, string action, string actor, int? expectedVersion, Func<Draft, CopilotDbContext, Task<object>> apply, CancellationToken ct)
    {
        try
        {
            return await work.RunAsync(async db =>
            {
                var draft = await db.Drafts.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw NotFound(id);
                if (expectedVersion is { } expected && expected != draft.Version)
                    throw new ConflictException($"The draft changed since version {expected}; it is now version {draft.Version}. Reload it and decide again.");
                var from = draft.Status;
                draft.Status = DraftStateMachine.Next(from, action);
                var details = await apply(draft, db);
                draft.Version++;
                draft.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
                await audit.AppendAsync(db, "draft", draft.Id, action, actor, new { from = from.ToString(), to = draft.Status.ToString(), details }, ct);
                logger.LogInformation("Draft {DraftId} {Action} by {Actor}: {From} → {To}", id, action, actor, from, draft.Status);
                return DraftView.From(draft);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else decided on this draft at the same time; reload it.");
        }
    }

    private Task<ComplianceResult> RecheckAsync(Draft draft, string text, CancellationToken ct) =>
        checker.CheckAsync(new ComplianceCheckRequest(
            text, draft.Language.StartsWith("zh") ? "zh" : "en", draft.Channel,
            new ClientProfile(draft.ClientRiskClass, draft.ClientHorizonMonths),
            JsonSerializer.Deserialize<List<PitchedProduct>>(draft.ProductsJson, CopilotJson.Options)!
                .Select(p => new ProductRef(p.Code!, p.RiskLevel!, p.LockupMonths)).ToList()), ct);

    private static void Apply(Draft draft, string text, ComplianceResult check)
    {
        draft.Text = text;
        draft.FindingsJson = JsonSerializer.Serialize(check.Findings, CopilotJson.Options);
        draft.Verdict = check.Verdict;
        draft.Flagged = check.Verdict == "fail";
    }

    private static NotFoundException NotFound(string id) => new($"No draft '{id}'.");
}
