namespace Copilot.Drafting;

/// <summary>
/// A compliance officer's decision: approve, reject or request_changes, with a comment and optionally edited text.
/// Approving a draft whose latest pre-check fails needs <paramref name="Override"/> and a comment that says why in a sentence.
/// </summary>
public sealed record ReviewRequest(string? ReviewerId, string? Decision, string? Comment, string? EditedText, int? ExpectedVersion, bool? Override = null);

/// <summary>The advisor's revision after changes were requested: the new text, and notes for the reviewer (kept on the audit trail).</summary>
public sealed record ReviseRequest(string? AdvisorId, string? Text, string? Notes, int? ExpectedVersion);

/// <summary>The CRM's confirmation that an approved message went out.</summary>
public sealed record SentRequest(string? ChannelMessageId, int? ExpectedVersion);

/// <summary>A page of drafts, newest first.</summary>
public sealed record DraftPage(IReadOnlyList<DraftView> Drafts, int Page, int PageSize, int Total);
