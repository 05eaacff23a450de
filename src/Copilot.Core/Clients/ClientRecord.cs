namespace Copilot.Clients;

/// <summary>
/// One client's stored portrait, keyed by advisor and client, so one advisor's client data is never read for another.
/// Written by the import (and, for clients no import has named yet, by the first draft request about them).
/// </summary>
public sealed class ClientRecord
{
    public required string AdvisorId { get; set; }
    public required string ClientId { get; set; }
    public string? Branch { get; set; }
    public required string Name { get; set; }
    public string? AgeBand { get; set; }
    /// <summary>C1–C5.</summary>
    public required string RiskClass { get; set; }
    public bool LowestClass { get; set; }
    public DateOnly? RiskAssessedOn { get; set; }
    public DateOnly? RiskAssessmentExpiry { get; set; }
    public int? HorizonMonths { get; set; }
    public DateOnly? AccountOpenedOn { get; set; }
    public DateOnly? LastLoginOn { get; set; }
    public DateOnly? LastTradeOn { get; set; }
    public int? Trades30d { get; set; }
    public int? Trades90d { get; set; }
    // Amounts are stored as doubles: SQLite keeps decimals as text, which it can neither sum nor order.
    public double? TotalAssets { get; set; }
    public double? AssetChange30d { get; set; }
    public double? CashRatio { get; set; }
    public double? EquityWeight { get; set; }
    public double? BondWeight { get; set; }
    public double? MoneyMarketWeight { get; set; }
    public double? FundWeight { get; set; }
    public double? TopHoldingConcentration { get; set; }
    public double? Pnl30d { get; set; }
    public double? PnlYtd { get; set; }
    public double? MaxDrawdown { get; set; }
    public bool? MarginAccount { get; set; }
    public required string HoldingsJson { get; set; }
    public string? PreferredChannel { get; set; }
    public required string Language { get; set; }
    public int? AppActiveDays30d { get; set; }
    public int? Complaints12m { get; set; }
    public bool? ContactConsent { get; set; }
    public int? BirthdayMonth { get; set; }
    public string? LifecycleStage { get; set; }
    public required string TagsJson { get; set; }
    /// <summary>SHA-256 of the portrait as last written: an import row with the same hash changes nothing.</summary>
    public string? ContentSha256 { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
