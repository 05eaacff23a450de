namespace Copilot.Drafting;

/// <summary>One cell of the content matrix: its kind, code, and what to look up in the research for it.</summary>
public sealed record Scenario(string Kind, string Code, string ResearchQuery)
{
    /// <summary>The prompts/ folder holding this scenario's prompt and its template-mode templates.</summary>
    public string PromptName => "draft-" + Code.Replace('_', '-');
}

/// <summary>The content matrix: lifecycle, investment scenario, intraday behaviour, emotion care.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("lifecycle", "onboarding", "开户 新客户 账户 交易规则 风险测评"),
        new("lifecycle", "dormant_reactivation", "市场 展望 策略 资产配置"),
        new("lifecycle", "birthday", "资产配置 理财"),
        new("lifecycle", "account_anniversary", "资产配置 组合 回顾"),
        new("lifecycle", "risk_assessment_expiring", "风险测评 有效期 适当性 风险等级"),
        new("investment", "market_drop", "市场 下跌 波动 策略 配置"),
        new("investment", "sector_rally", "行业 板块 上涨 估值 景气"),
        new("investment", "product_launch", "产品 发行 认购 风险等级"),
        new("investment", "fund_dividend", "基金 分红 红利再投资 现金分红"),
        new("intraday", "large_loss_today", "市场 波动 回撤 风险 配置"),
        new("intraday", "login_without_trading", "市场 观点 策略"),
        new("emotion", "emotion_care", "市场 波动 长期 配置 情绪"),
    ];

    public static IReadOnlyList<string> Kinds { get; } = All.Select(s => s.Kind).Distinct().ToList();

    public static Scenario? Find(string? kind, string? code) =>
        All.FirstOrDefault(s => string.Equals(s.Kind, kind, StringComparison.OrdinalIgnoreCase) && string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));
}
