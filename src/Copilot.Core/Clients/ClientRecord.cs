namespace Copilot.Clients;

/// <summary>
/// What an advisor told us about one of their clients, kept from each draft request until portraits are
/// imported. Keyed by advisor and client, so one advisor's client data is never read for another.
/// </summary>
public sealed class ClientRecord
{
    public required string AdvisorId { get; set; }
    public required string ClientId { get; set; }
    public required string Name { get; set; }
    /// <summary>C1–C5.</summary>
    public required string RiskClass { get; set; }
    public int? HorizonMonths { get; set; }
    public string? LifecycleStage { get; set; }
    public required string HoldingsJson { get; set; }
    public required string TagsJson { get; set; }
    public required string Language { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
