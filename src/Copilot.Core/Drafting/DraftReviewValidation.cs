using Copilot.Common;

namespace Copilot.Drafting;

/// <summary>What a compliance officer's decision must carry before it is looked at against the draft.</summary>
internal static class DraftReviewValidation
{
    public static void Validate(ReviewRequest request)
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
    }
}
