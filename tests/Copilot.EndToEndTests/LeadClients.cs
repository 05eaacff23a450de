using System.Text.Json;
using Copilot.IntegrationTests.Clients;

namespace Copilot.EndToEndTests;

/// <summary>Clients imported for the lead-list pages, each with one lead whose kind the test knows.</summary>
public static class LeadClients
{
    private static string Day(int offset) => DateOnly.FromDateTime(DateTime.Now).AddDays(offset).ToString("yyyy-MM-dd");

    /// <summary>
    /// Dormant C3 clients of the demo advisor under this test's own ids: no login for 120 + i days, otherwise quiet (cash 10%,
    /// an assessment valid for 600 days, consent given, birthday next month), so reactivation is their one lead; SMS preferred.
    /// Expiring instead: active two days ago with the assessment expiring in 10 days, so renewing it is their one lead.
    /// </summary>
    public static async Task<string[]> ImportDormantAsync(HttpClient api, string advisor, string prefix, int count, bool expiring = false)
    {
        var month = DateTime.Now.Month % 12 + 1;
        var rows = Enumerable.Range(0, count).Select(i => new Dictionary<string, object?>
        {
            ["clientId"] = $"{prefix}-{i}", ["advisorId"] = advisor, ["name"] = $"测试客户{prefix}{i}", ["riskClass"] = "C3", ["lowestClass"] = false,
            ["riskAssessedOn"] = Day(-100), ["riskAssessmentExpiry"] = Day(expiring ? 10 : 600), ["horizonMonths"] = 36, ["accountOpenedOn"] = Day(-1000),
            ["lastLoginOn"] = Day(expiring ? -2 : -120 - i), ["lastTradeOn"] = Day(expiring ? -5 : -130 - i), ["trades30d"] = 0, ["trades90d"] = 0, ["totalAssets"] = 50_000 + 10_000 * i,
            ["assetChange30d"] = 0, ["cashRatio"] = 0.1, ["equityWeight"] = 0.3, ["bondWeight"] = 0.4, ["moneyMarketWeight"] = 0.1, ["fundWeight"] = 0.1,
            ["topHoldingConcentration"] = 0.2, ["pnl30d"] = 100, ["pnlYtd"] = 800, ["maxDrawdown"] = 0.05, ["marginAccount"] = false,
            ["holdings"] = new[] { new { code = "ES1002", name = "示例短债", weight = 0.2, riskLevel = "R2" } },
            ["preferredChannel"] = "sms", ["language"] = "zh-CN", ["appActiveDays30d"] = 0, ["complaints12m"] = 0, ["contactConsent"] = true,
            ["birthdayMonth"] = month,
        }).ToArray();
        var result = await api.ImportedAsync(string.Join('\n', rows.Select(r => JsonSerializer.Serialize(r))), "application/x-ndjson");
        Assert.Equal(count, result.Int("inserted"));
        return rows.Select(r => (string)r["clientId"]!).ToArray();
    }

}
