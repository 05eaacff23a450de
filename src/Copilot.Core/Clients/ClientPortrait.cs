namespace Copilot.Clients;

/// <summary>
/// A client as the brokerage's CRM describes them. The property names (camelCase in JSON and in a CSV header) are the
/// import contract CRM plugins code against. Every field but the id may be unknown (null); a draft request may send any
/// subset, which then overrides the stored portrait for that draft. Dates are yyyy-MM-dd, ratios 0–1, amounts in yuan.
/// </summary>
public sealed record ClientPortrait
{
    public string? Id { get; init; }
    public string? AdvisorId { get; init; }
    public string? Branch { get; init; }
    public string? Name { get; init; }
    /// <summary>e.g. 18-29, 30-39, 40-49, 50-59, 60+.</summary>
    public string? AgeBand { get; init; }
    /// <summary>C1 (conservative) to C5 (aggressive).</summary>
    public string? RiskClass { get; init; }
    /// <summary>The lowest risk-tolerance category (风险承受能力最低类别): only R1 products, even on request.</summary>
    public bool? LowestClass { get; init; }
    public DateOnly? RiskAssessedOn { get; init; }
    public DateOnly? RiskAssessmentExpiry { get; init; }
    public int? HorizonMonths { get; init; }
    public DateOnly? AccountOpenedOn { get; init; }
    public DateOnly? LastLoginOn { get; init; }
    public DateOnly? LastTradeOn { get; init; }
    public int? Trades30d { get; init; }
    public int? Trades90d { get; init; }
    public decimal? TotalAssets { get; init; }
    public decimal? AssetChange30d { get; init; }
    public double? CashRatio { get; init; }
    public double? EquityWeight { get; init; }
    public double? BondWeight { get; init; }
    public double? MoneyMarketWeight { get; init; }
    public double? FundWeight { get; init; }
    public double? TopHoldingConcentration { get; init; }
    public decimal? Pnl30d { get; init; }
    public decimal? PnlYtd { get; init; }
    /// <summary>The largest peak-to-trough fall of the account, as a ratio 0–1.</summary>
    public double? MaxDrawdown { get; init; }
    public bool? MarginAccount { get; init; }
    public IReadOnlyList<Holding>? Holdings { get; init; }
    /// <summary>wechat, sms or email.</summary>
    public string? PreferredChannel { get; init; }
    /// <summary>zh-CN or en.</summary>
    public string? Language { get; init; }
    public int? AppActiveDays30d { get; init; }
    public int? Complaints12m { get; init; }
    /// <summary>False when the client opted out of marketing contact.</summary>
    public bool? ContactConsent { get; init; }
    public int? BirthdayMonth { get; init; }
    /// <summary>The CRM's lifecycle stage as a draft request names it (not part of the import contract).</summary>
    public string? LifecycleStage { get; init; }
    /// <summary>The CRM's own free-text tags as a draft request sends them (not part of the import contract).</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>This portrait with every field <paramref name="request"/> sends taking its place: the client for one draft.</summary>
    public ClientPortrait OverriddenBy(ClientPortrait request) => new()
    {
        Id = request.Id ?? Id, AdvisorId = AdvisorId ?? request.AdvisorId, Branch = request.Branch ?? Branch, Name = request.Name ?? Name,
        AgeBand = request.AgeBand ?? AgeBand, RiskClass = request.RiskClass ?? RiskClass,
        // The regulator's lowest category is a fact of the client, not of one request: a request may add it, never lift it.
        LowestClass = LowestClass == true || request.LowestClass == true ? true : request.LowestClass ?? LowestClass,
        RiskAssessedOn = request.RiskAssessedOn ?? RiskAssessedOn, RiskAssessmentExpiry = request.RiskAssessmentExpiry ?? RiskAssessmentExpiry,
        HorizonMonths = request.HorizonMonths ?? HorizonMonths, AccountOpenedOn = request.AccountOpenedOn ?? AccountOpenedOn,
        LastLoginOn = request.LastLoginOn ?? LastLoginOn, LastTradeOn = request.LastTradeOn ?? LastTradeOn,
        Trades30d = request.Trades30d ?? Trades30d, Trades90d = request.Trades90d ?? Trades90d,
        TotalAssets = request.TotalAssets ?? TotalAssets, AssetChange30d = request.AssetChange30d ?? AssetChange30d,
        CashRatio = request.CashRatio ?? CashRatio, EquityWeight = request.EquityWeight ?? EquityWeight, BondWeight = request.BondWeight ?? BondWeight,
        MoneyMarketWeight = request.MoneyMarketWeight ?? MoneyMarketWeight, FundWeight = request.FundWeight ?? FundWeight,
        TopHoldingConcentration = request.TopHoldingConcentration ?? TopHoldingConcentration,
        Pnl30d = request.Pnl30d ?? Pnl30d, PnlYtd = request.PnlYtd ?? PnlYtd, MaxDrawdown = request.MaxDrawdown ?? MaxDrawdown,
        MarginAccount = request.MarginAccount ?? MarginAccount, Holdings = request.Holdings ?? Holdings,
        PreferredChannel = request.PreferredChannel ?? PreferredChannel, Language = request.Language ?? Language,
        AppActiveDays30d = request.AppActiveDays30d ?? AppActiveDays30d, Complaints12m = request.Complaints12m ?? Complaints12m,
        ContactConsent = request.ContactConsent ?? ContactConsent, BirthdayMonth = request.BirthdayMonth ?? BirthdayMonth,
        LifecycleStage = request.LifecycleStage ?? LifecycleStage, Tags = request.Tags ?? Tags,
    };

    /// <summary>The client as the suitability rules see them.</summary>
    public Compliance.ClientProfile ToProfile() => new(RiskClass ?? "", HorizonMonths, LowestClass, RiskAssessmentExpiry);
}

/// <summary>A position the client holds.</summary>
public sealed record Holding(string? Code, string? Name, double? Weight, string? RiskLevel);
