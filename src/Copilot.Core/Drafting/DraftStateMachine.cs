using Copilot.Common;

namespace Copilot.Drafting;

/// <summary>
/// The review workflow: PendingReview → Approved | Rejected | ChangesRequested; ChangesRequested → PendingReview
/// (the advisor revises); Approved → Sent (the CRM confirms). Anything else is a conflict.
/// </summary>
public static class DraftStateMachine
{
    private static readonly Dictionary<(DraftStatus From, string Action), DraftStatus> Transitions = new()
    {
        [(DraftStatus.PendingReview, "approve")] = DraftStatus.Approved,
        [(DraftStatus.PendingReview, "reject")] = DraftStatus.Rejected,
        [(DraftStatus.PendingReview, "request_changes")] = DraftStatus.ChangesRequested,
        [(DraftStatus.ChangesRequested, "revise")] = DraftStatus.PendingReview,
        [(DraftStatus.Approved, "sent")] = DraftStatus.Sent,
    };

    public static IReadOnlyList<string> Decisions { get; } = ["approve", "reject", "request_changes"];

    public static DraftStatus Next(DraftStatus from, string action) =>
        Transitions.TryGetValue((from, action), out var to)
            ? to
            : throw new ConflictException($"A draft that is {from} cannot be {Describe(action)}.");

    private static string Describe(string action) => action switch
    {
        "approve" => "approved",
        "reject" => "rejected",
        "request_changes" => "sent back for changes",
        "revise" => "revised",
        "sent" => "marked as sent",
        _ => action,
    };
}
