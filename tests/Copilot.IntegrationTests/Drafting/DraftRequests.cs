namespace Copilot.IntegrationTests.Drafting;

/// <summary>Realistic draft requests as a CRM plugin would send them.</summary>
public static class DraftRequests
{
    public static object MarketDrop(string clientId = "c-1001", string channel = "wechat", string advisorId = "demo-advisor", string riskClass = "C3") => new
    {
        advisorId,
        client = new
        {
            id = clientId, name = "张先生", riskClass, horizonMonths = 36, lifecycleStage = "active",
            holdings = new[]
            {
                new { code = "ES3001", name = "示例稳健配置混合", weight = 0.5, riskLevel = "R3" },
                new { code = "ES1002", name = "示例短债", weight = 0.3, riskLevel = "R2" },
            },
            tags = new[] { "长期持有", "关注回撤" }, language = "zh-CN",
        },
        scenario = new { kind = "investment", code = "market_drop", notes = "客户上周问过是否要减仓" },
        channel,
    };

    public static object ProductLaunch(string riskClass, string productRisk, int? lockup = null, int horizon = 36) => new
    {
        advisorId = "demo-advisor",
        client = new { id = "c-2002", name = "李女士", riskClass, horizonMonths = horizon, language = "zh-CN", holdings = Array.Empty<object>(), tags = Array.Empty<string>() },
        scenario = new { kind = "investment", code = "product_launch" },
        channel = "wechat",
        products = new[] { new { code = "ES4001", riskLevel = productRisk, lockupMonths = lockup } },
    };
}
