namespace Copilot.Clients;

/// <summary>The import contract's field names (a CSV header's columns, a JSON line's properties), and the ones every row needs.</summary>
public static class ClientFields
{
    public static IReadOnlyList<string> All { get; } =
    [
        "clientId", "advisorId", "branch", "name", "ageBand", "riskClass", "lowestClass", "riskAssessedOn", "riskAssessmentExpiry",
        "horizonMonths", "accountOpenedOn", "lastLoginOn", "lastTradeOn", "trades30d", "trades90d", "totalAssets", "assetChange30d",
        "cashRatio", "equityWeight", "bondWeight", "moneyMarketWeight", "fundWeight", "topHoldingConcentration", "pnl30d", "pnlYtd",
        "maxDrawdown", "marginAccount", "holdings", "preferredChannel", "language", "appActiveDays30d", "complaints12m",
        "contactConsent", "birthdayMonth",
    ];

    public static IReadOnlyList<string> Required { get; } = ["clientId", "advisorId", "name", "riskClass"];

    private static readonly Dictionary<string, string> ByLowerName = All.ToDictionary(f => f.ToLowerInvariant(), f => f);

    /// <summary>The contract's spelling of a column or property name, matched without regard to case; null for an unknown one.</summary>
    public static string? Canonical(string name) => ByLowerName.GetValueOrDefault(name.Trim().ToLowerInvariant());
}
