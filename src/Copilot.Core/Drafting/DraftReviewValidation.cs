using Copilot.Common;

namespace Copilot.Drafting;

/// <summary>What a compliance officer's decision must carry before it is looked at against the draft.</summary>
internal static class DraftReviewValidation
{
    public static void Validate(ReviewRequest request, InputLimitsOptions limits)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.ReviewerId)) errors["reviewerId"] = ["Who decides is required for the audit trail."];
        if (request.Decision is null || !DraftStateMachine.Decisions.Contains(request.Decision))
            errors["decision"] = ["Use approve, reject or request_changes."];
        if (request.Decision is "reject" or "request_changes" && string.IsNullOrWhiteSpace(request.Comment))
            errors["comment"] = ["Say why, so the advisor can act on it."];
        // An edit changes what the client reads: the trail must say what and why, as for any decision but a clean approve.
        else if (request.EditedText is not null && string.IsNullOrWhiteSpace(request.Comment))
            errors["comment"] = ["Say what the edit changed and why."];
        if (request.EditedText is { } edited && (string.IsNullOrWhiteSpace(edited) || request.Decision != "approve"))
            errors["editedText"] = ["Edited text must be non-empty and comes with an approve decision."];
        if (request.Comment is { } comment && comment.Length > limits.NotesChars) errors["comment"] = [$"Up to {limits.NotesChars:N0} characters."];
        if (request.EditedText is { } text && text.Length > limits.DraftTextChars) errors["editedText"] = [$"Up to {limits.DraftTextChars:N0} characters."];
        if (errors.Count > 0) throw new InputValidationException(errors);
    }

    public static void Validate(ReviseRequest request, InputLimitsOptions limits)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Text)) errors["text"] = ["Send the revised message text."];
        else if (request.Text.Length > limits.DraftTextChars) errors["text"] = [$"Up to {limits.DraftTextChars:N0} characters."];
        if (request.Notes is { } notes && notes.Length > limits.NotesChars) errors["notes"] = [$"Up to {limits.NotesChars:N0} characters."];
        if (errors.Count > 0) throw new InputValidationException(errors);
    }
}
