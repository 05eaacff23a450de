using System.Globalization;
using System.Text.Json;
using Copilot.Common;

namespace Copilot.Clients.Tags;

/// <summary>How a fact reads to a person, and whether it drifts by itself as days pass (days since a date).</summary>
public enum FactKind { Days, Count, Amount, Ratio, ClassLevel, ProductLevel, Month, Bool, Text }

/// <summary>One thing tag rules and segments may ask about a client: a portrait field, or one derived from it and the as-of date.</summary>
public sealed record ClientFact(string Name, FactKind Kind, Func<ClientRecord, DateOnly, IReadOnlyList<Holding>, object?> Read)
{
    public bool IsNumeric => Kind is not (FactKind.Bool or FactKind.Text);
}

/// <summary>
/// The facts a condition can name. Dates enter only through what they say as of a day (days since the last login, days to the
/// assessment's expiry), so one rule reads the same on every day it runs. Unknown portrait values are null, and a comparison
/// with null is false: a client whose last login is unknown is not called dormant.
/// </summary>
public static class ClientFacts
{
    private static readonly ClientFact[] List =
    [
        new("daysSinceLogin", FactKind.Days, (r, d, _) => DaysSince(r.LastLoginOn, d)),
        new("daysSinceTrade", FactKind.Days, (r, d, _) => DaysSince(r.LastTradeOn, d)),
        new("daysToAssessmentExpiry", FactKind.Days, (r, d, _) => r.RiskAssessmentExpiry is { } e ? e.DayNumber - d.DayNumber : null),
        new("daysPastAssessmentExpiry", FactKind.Days, (r, d, _) => r.RiskAssessmentExpiry is { } e ? d.DayNumber - e.DayNumber : null),
        new("accountAgeDays", FactKind.Days, (r, d, _) => DaysSince(r.AccountOpenedOn, d)),
        new("riskClassLevel", FactKind.ClassLevel, (r, _, _) => (double?)RiskLevels.Level(r.RiskClass)),
        new("riskCeiling", FactKind.ProductLevel, (r, _, _) => (double?)Ceiling(r)),
        new("maxHoldingRiskLevel", FactKind.ProductLevel, (_, _, h) => h.Select(x => RiskLevels.Level(x.RiskLevel)).Max() is { } m ? m : null),
        new("holdingRiskAboveClass", FactKind.Count, (r, _, h) => Ceiling(r) is { } c ? Math.Max(0, h.Select(x => RiskLevels.Level(x.RiskLevel) ?? 0).DefaultIfEmpty(0).Max() - c) : null),
        new("mismatchedWeight", FactKind.Ratio, (r, _, h) => Ceiling(r) is { } c ? Math.Round(h.Where(x => RiskLevels.Level(x.RiskLevel) > c).Sum(x => x.Weight ?? 0), 4) : null),
        new("trades30d", FactKind.Count, (r, _, _) => (double?)r.Trades30d),
        new("trades90d", FactKind.Count, (r, _, _) => (double?)r.Trades90d),
        new("totalAssets", FactKind.Amount, (r, _, _) => r.TotalAssets),
        new("assetChange30d", FactKind.Amount, (r, _, _) => r.AssetChange30d),
        new("assets30dAgo", FactKind.Amount, (r, _, _) => r.TotalAssets - r.AssetChange30d),
        new("idleCash", FactKind.Amount, (r, _, _) => r.TotalAssets * r.CashRatio),
        new("cashRatio", FactKind.Ratio, (r, _, _) => r.CashRatio),
        new("equityWeight", FactKind.Ratio, (r, _, _) => r.EquityWeight),
        new("bondWeight", FactKind.Ratio, (r, _, _) => r.BondWeight),
        new("moneyMarketWeight", FactKind.Ratio, (r, _, _) => r.MoneyMarketWeight),
        new("fundWeight", FactKind.Ratio, (r, _, _) => r.FundWeight),
        new("topHoldingConcentration", FactKind.Ratio, (r, _, _) => r.TopHoldingConcentration),
        new("pnl30d", FactKind.Amount, (r, _, _) => r.Pnl30d),
        // The 30-day P&L against the assets before it: -0.12 is a loss of 12%.
        new("pnl30dRatio", FactKind.Ratio, (r, _, _) => r.Pnl30d is { } p && r.TotalAssets is { } a && a - p > 0 ? Math.Round(p / (a - p), 4) : null),
        new("pnlYtd", FactKind.Amount, (r, _, _) => r.PnlYtd),
        new("maxDrawdown", FactKind.Ratio, (r, _, _) => r.MaxDrawdown),
        new("horizonMonths", FactKind.Count, (r, _, _) => (double?)r.HorizonMonths),
        new("appActiveDays30d", FactKind.Count, (r, _, _) => (double?)r.AppActiveDays30d),
        new("complaints12m", FactKind.Count, (r, _, _) => (double?)r.Complaints12m),
        new("birthdayMonth", FactKind.Month, (r, _, _) => (double?)r.BirthdayMonth),
        new("birthdayThisMonth", FactKind.Bool, (r, d, _) => r.BirthdayMonth is { } m ? m == d.Month : null),
        new("marginAccount", FactKind.Bool, (r, _, _) => r.MarginAccount),
        new("lowestClass", FactKind.Bool, (r, _, _) => r.LowestClass),
        new("contactConsent", FactKind.Bool, (r, _, _) => r.ContactConsent),
        new("riskClass", FactKind.Text, (r, _, _) => r.RiskClass),
        new("branch", FactKind.Text, (r, _, _) => r.Branch),
        new("ageBand", FactKind.Text, (r, _, _) => r.AgeBand),
        new("preferredChannel", FactKind.Text, (r, _, _) => r.PreferredChannel),
        new("language", FactKind.Text, (r, _, _) => r.Language),
    ];

    private static readonly Dictionary<string, ClientFact> ByName = List.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static IReadOnlyList<ClientFact> All => List;

    public static ClientFact? Find(string? name) => name is null ? null : ByName.GetValueOrDefault(name);

    /// <summary>The highest product risk level the client may be offered: R1 for the lowest category, Rn for Cn.</summary>
    public static int? Ceiling(ClientRecord r) => r.LowestClass ? 1 : RiskLevels.Level(r.RiskClass);

    public static IReadOnlyList<Holding> Holdings(ClientRecord r) =>
        r.HoldingsJson is "[]" or "" ? [] : JsonSerializer.Deserialize<List<Holding>>(r.HoldingsJson, CopilotJson.Options) ?? [];

    /// <summary>A stored or computed value as a person reads it: ¥1,234,567, 62%, C3, R4, 120.</summary>
    public static string Format(FactKind kind, object? value, string language) => value switch
    {
        null => language == "en" ? "unknown" : "未知",
        bool b => language == "en" ? (b ? "yes" : "no") : (b ? "是" : "否"),
        string s => s,
        double v => kind switch
        {
            FactKind.Amount => "¥" + v.ToString("#,0", CultureInfo.InvariantCulture),
            FactKind.Ratio => (v * 100).ToString(Math.Abs(v) < 0.1 ? "0.#" : "0", CultureInfo.InvariantCulture) + "%",
            FactKind.ClassLevel => "C" + v.ToString("0", CultureInfo.InvariantCulture),
            FactKind.ProductLevel => "R" + v.ToString("0", CultureInfo.InvariantCulture),
            _ => v.ToString("0.##", CultureInfo.InvariantCulture),
        },
        _ => value.ToString() ?? "",
    };

    private static double? DaysSince(DateOnly? day, DateOnly asOf) => day is { } d ? asOf.DayNumber - d.DayNumber : null;
}
