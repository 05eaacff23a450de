namespace Copilot.Outcomes;

/// <summary>
/// Something that happened to a client after (or around) a message, as the CRM reports it: sent, opened, replied, logged in,
/// traded, deposited, complained. Keyed by advisor and the CRM's event id, so a retried event is stored once and one advisor's
/// ids never collide with (or reveal) another's.
/// </summary>
public sealed class OutcomeEvent
{
    public required string AdvisorId { get; set; }
    /// <summary>The CRM's id for the event: the idempotency key.</summary>
    public required string Id { get; set; }
    public required string ClientId { get; set; }
    public string? DraftId { get; set; }
    /// <summary>One of <see cref="OutcomeKinds.All"/>.</summary>
    public required string Kind { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>Yuan, for deposits (and optionally trades).</summary>
    public double? Amount { get; set; }
    /// <summary>SHA-256 of the event as first received: the same id with another body is a conflict, not a duplicate.</summary>
    public required string ContentSha256 { get; set; }
    /// <summary>The key or person that reported it.</summary>
    public required string RecordedBy { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    // A contact (kind "sent") keeps what the dashboard judges it by, as the client was when it was recorded, so a later
    // import of a changed portrait (a client who logged in again) does not rewrite history.

    /// <summary>Sent only: the client had not logged in for Outcomes:DormantDays when contacted.</summary>
    public bool? DormantAtContact { get; set; }
    /// <summary>Sent only: the client's total assets (yuan) in the stored portrait when contacted.</summary>
    public double? AssetsAtContact { get; set; }
    /// <summary>Sent only: the end of the follow-up window (contact + Outcomes:FollowUpDays) trades and deposits are credited in.</summary>
    public DateTime? FollowUntilUtc { get; set; }
}
