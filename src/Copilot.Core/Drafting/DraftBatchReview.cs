using Copilot.Common;
using Copilot.Compliance;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Copilot.Drafting;

/// <summary>A compliance officer's one decision for many drafts, with a comment.</summary>
public sealed record ReviewBatchRequest(IReadOnlyList<string>? DraftIds, string? Decision, string? Comment, string? ReviewerId = null);

/// <summary>What happened to one draft of a batch: its status after the decision, or why it was refused and its status as it stays.</summary>
public sealed record ReviewBatchResult(string DraftId, string Status, string? Error = null);

/// <summary>Each draft's outcome, in the order asked.</summary>
public sealed record ReviewBatchResponse(IReadOnlyList<ReviewBatchResult> Results);

/// <summary>
/// Bulk decisions. Every draft goes through the single review (state machine, separation of duties, optimistic
/// concurrency, its own audit entry); an approval first pre-checks the draft's text again against the current rules, and a
/// flagged draft or one whose re-check fails is refused with its reason: overriding a failing pre-check takes a reason
/// per draft, given one at a time. One draft's refusal does not stop the others.
/// </summary>
public sealed class DraftBatchReview(DraftReview review, IOptions<InputLimitsOptions> limits, ILogger<DraftBatchReview> logger)
{
    public const int MaxDrafts = 200;

    public async Task<ReviewBatchResponse> ReviewAsync(ReviewBatchRequest request, CancellationToken ct)
    {
        var ids = request.DraftIds ?? [];
        if (ids.Count == 0 || ids.Count > MaxDrafts || ids.Any(string.IsNullOrWhiteSpace))
            throw new InputValidationException("draftIds", $"Send 1 to {MaxDrafts} draft ids.");
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
            throw new InputValidationException("draftIds", "Each draft once.");
        var single = new ReviewRequest(request.ReviewerId, request.Decision, request.Comment, null, null);
        DraftReviewValidation.Validate(single, limits.Value);

        var results = new List<ReviewBatchResult>(ids.Count);
        foreach (var id in ids)
            results.Add(await DecideAsync(id, single, ct));
        logger.LogInformation("Batch {Decision} by {ReviewerId}: {Done} of {Count} drafts decided", request.Decision, request.ReviewerId,
            results.Count(r => r.Error is null), results.Count);
        return new ReviewBatchResponse(results);
    }

    private async Task<ReviewBatchResult> DecideAsync(string id, ReviewRequest single, CancellationToken ct)
    {
        var draft = await review.FindStoredAsync(id, ct);
        if (draft is null) return new ReviewBatchResult(id, "NotFound", $"No draft '{id}'.");
        var status = DraftView.StatusName(draft.Status);
        if (single.Decision == "approve")
        {
            if (draft.Flagged)
                return new ReviewBatchResult(id, status, "Flagged: its pre-check still fails after revision; approve it on its own with an override and a reason.");
            var check = await review.RecheckStoredAsync(draft, ct);
            if (check.Verdict == ComplianceVerdict.Fail)
                return new ReviewBatchResult(id, status, "The pre-check fails on re-check: " + string.Join("; ",
                    check.Findings.Where(f => f.Severity == FindingSeverity.Block).Select(f => $"{f.RuleId} {f.Message}")));
        }
        try
        {
            var decided = await review.ReviewAsync(id, single with { ExpectedVersion = draft.Version }, ct);
            return new ReviewBatchResult(id, decided.Status);
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException or InputValidationException or NotFoundException)
        {
            var reason = e is InputValidationException invalid ? string.Join(" ", invalid.Errors.SelectMany(kv => kv.Value)) : e.Message;
            return new ReviewBatchResult(id, status, reason);
        }
    }
}
