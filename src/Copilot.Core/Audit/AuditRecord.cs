namespace Copilot.Audit;

/// <summary>
/// One append-only audit entry. Each carries the SHA-256 of the previous entry, so any change to a past
/// entry breaks the chain from there on.
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    public required string Actor { get; set; }
    public required string DetailsJson { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>The compliance rules (and judge) that judged the text this entry is about; null when nothing was judged, as on entries from before it was recorded.</summary>
    public string? RulesVersion { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
