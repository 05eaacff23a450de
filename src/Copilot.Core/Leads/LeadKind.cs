namespace Copilot.Leads;

/// <summary>
/// A kind of service lead: the tags that raise it, the tags that strengthen it, the scenario of the content matrix it suggests,
/// and whether it is marketing (withheld from clients who opted out of marketing contact) or a service the firm owes
/// (suitability, assessment renewal, care after a loss), which consent to marketing does not govern.
/// </summary>
/// <param name="Base">Points every lead of the kind starts with: how much the firm's duty or the business puts on it.</param>
public sealed record LeadKind(
    string Code, string Zh, string En, IReadOnlyList<string> Triggers, IReadOnlyList<string> Supports, string ScenarioKind, string ScenarioCode,
    bool Marketing, double Base, IReadOnlyList<string> PreferredContent)
{
    public string Title(string language) => language == "en" ? En : Zh;
}

/// <summary>The lead kinds, most urgent first.</summary>
public static class LeadKinds
{
    public const string Reactivate = "reactivate";
    public const string BringInAssets = "bring_in_assets";
    public const string Recall = "recall";
    public const string FixRiskMismatch = "fix_risk_mismatch";
    public const string RenewAssessment = "renew_assessment";
    public const string CareAfterLoss = "care_after_loss";

    public static IReadOnlyList<LeadKind> All { get; } =
    [
        new(CareAfterLoss, "亏损关怀", "Care after a loss", ["large_loss", "margin_near_call"], ["high_value", "recent_complaint"],
            "emotion", "emotion_care", Marketing: false, Base: 50, ["research", "faq"]),
        new(FixRiskMismatch, "风险不匹配整改", "Fix a risk mismatch", ["risk_mismatch"], ["concentrated_holding", "assessment_expired", "assessment_expiring"],
            "lifecycle", "risk_assessment_expiring", Marketing: false, Base: 45, ["product", "faq"]),
        new(RenewAssessment, "风险测评续期", "Renew the risk assessment", ["assessment_expired", "assessment_expiring"], ["risk_mismatch"],
            "lifecycle", "risk_assessment_expiring", Marketing: false, Base: 40, ["faq", "product"]),
        new(Recall, "召回", "Recall a requalified account", ["requalified"], ["high_cash", "active_no_trade"],
            "lifecycle", "account_anniversary", Marketing: true, Base: 35, ["research", "product"]),
        new(Reactivate, "激活", "Reactivate", ["dormant"], ["high_cash", "high_value", "birthday_this_month"],
            "lifecycle", "dormant_reactivation", Marketing: true, Base: 30, ["research", "product"]),
        new(BringInAssets, "归集", "Bring in assets", ["high_cash", "small_active"], ["active_no_trade", "birthday_this_month", "requalified"],
            "investment", "product_launch", Marketing: true, Base: 25, ["product", "research"]),
    ];

    public static LeadKind? Find(string? code) => All.FirstOrDefault(k => string.Equals(k.Code, code, StringComparison.OrdinalIgnoreCase));
}
