using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Copilot.Common;

namespace Copilot.Clients;

/// <summary>Between the stored row and the portrait; and the portrait's content hash, which tells an unchanged import row.</summary>
internal static class ClientPortraitMapping
{
    public static ClientPortrait ToPortrait(ClientRecord r) => new()
    {
        Id = r.ClientId, AdvisorId = r.AdvisorId, Branch = r.Branch, Name = r.Name, AgeBand = r.AgeBand,
        RiskClass = r.RiskClass, LowestClass = r.LowestClass, RiskAssessedOn = r.RiskAssessedOn, RiskAssessmentExpiry = r.RiskAssessmentExpiry,
        HorizonMonths = r.HorizonMonths, AccountOpenedOn = r.AccountOpenedOn, LastLoginOn = r.LastLoginOn, LastTradeOn = r.LastTradeOn,
        Trades30d = r.Trades30d, Trades90d = r.Trades90d, TotalAssets = Amount(r.TotalAssets), AssetChange30d = Amount(r.AssetChange30d),
        CashRatio = r.CashRatio, EquityWeight = r.EquityWeight, BondWeight = r.BondWeight, MoneyMarketWeight = r.MoneyMarketWeight,
        FundWeight = r.FundWeight, TopHoldingConcentration = r.TopHoldingConcentration, Pnl30d = Amount(r.Pnl30d), PnlYtd = Amount(r.PnlYtd),
        MaxDrawdown = r.MaxDrawdown, MarginAccount = r.MarginAccount,
        Holdings = JsonSerializer.Deserialize<List<Holding>>(r.HoldingsJson, CopilotJson.Options),
        PreferredChannel = r.PreferredChannel, Language = r.Language, AppActiveDays30d = r.AppActiveDays30d, Complaints12m = r.Complaints12m,
        ContactConsent = r.ContactConsent, BirthdayMonth = r.BirthdayMonth, LifecycleStage = r.LifecycleStage,
        Tags = JsonSerializer.Deserialize<List<string>>(r.TagsJson, CopilotJson.Options),
    };

    /// <summary>Writes every field of <paramref name="p"/> onto the row (a field the portrait leaves unknown becomes unknown).</summary>
    public static void Apply(ClientRecord r, ClientPortrait p, string hash, DateTime nowUtc)
    {
        r.Branch = p.Branch; r.Name = p.Name ?? ""; r.AgeBand = p.AgeBand; r.RiskClass = p.RiskClass ?? "";
        r.LowestClass = p.LowestClass == true; r.RiskAssessedOn = p.RiskAssessedOn; r.RiskAssessmentExpiry = p.RiskAssessmentExpiry;
        r.HorizonMonths = p.HorizonMonths; r.AccountOpenedOn = p.AccountOpenedOn; r.LastLoginOn = p.LastLoginOn; r.LastTradeOn = p.LastTradeOn;
        r.Trades30d = p.Trades30d; r.Trades90d = p.Trades90d; r.TotalAssets = (double?)p.TotalAssets; r.AssetChange30d = (double?)p.AssetChange30d;
        r.CashRatio = p.CashRatio; r.EquityWeight = p.EquityWeight; r.BondWeight = p.BondWeight; r.MoneyMarketWeight = p.MoneyMarketWeight;
        r.FundWeight = p.FundWeight; r.TopHoldingConcentration = p.TopHoldingConcentration; r.Pnl30d = (double?)p.Pnl30d; r.PnlYtd = (double?)p.PnlYtd;
        r.MaxDrawdown = p.MaxDrawdown; r.MarginAccount = p.MarginAccount;
        r.HoldingsJson = JsonSerializer.Serialize(p.Holdings ?? [], CopilotJson.Options);
        r.PreferredChannel = p.PreferredChannel; r.Language = p.Language ?? "zh-CN"; r.AppActiveDays30d = p.AppActiveDays30d;
        r.Complaints12m = p.Complaints12m; r.ContactConsent = p.ContactConsent; r.BirthdayMonth = p.BirthdayMonth;
        r.LifecycleStage = p.LifecycleStage; r.TagsJson = JsonSerializer.Serialize(p.Tags ?? [], CopilotJson.Options);
        r.ContentSha256 = hash; r.UpdatedAtUtc = nowUtc;
    }

    public static ClientRecord NewRecord(string advisorId, string clientId) =>
        new() { AdvisorId = advisorId, ClientId = clientId, Name = "", RiskClass = "", HoldingsJson = "[]", TagsJson = "[]", Language = "" };

    /// <summary>The hash of what is stored for the client: the same portrait always has the same hash.</summary>
    public static string Hash(ClientPortrait p) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(p with { AdvisorId = null }, CopilotJson.Options))));

    private static decimal? Amount(double? value) => value is { } v ? Math.Round((decimal)v, 2) : null;
}
