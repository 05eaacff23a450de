using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Clients;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Leads;

/// <summary>
/// The keyed service with the sample corpus (leads offer its client documents) on each records database; tests import the
/// portraits they need as the CRM does, each test under client ids of its own.
/// </summary>
public sealed class LeadApis : DatabaseApis
{
    public async Task<HttpClient> AsAsync(string provider, string key)
    {
        var client = (await FactoryAsync(provider)).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override CopilotApiFactory CreateFactory(string provider)
    {
        var settings = KeyedDatabaseApis.Settings();
        foreach (var (key, value) in TestDatabases.Settings(provider)) settings[key] = value;
        return CopilotApiFactory.TemplateMode(seed: true, extra: settings);
    }
}

/// <summary>Portrait rows relative to the service's today: a quiet client that holds no tag, changed field by field.</summary>
public static class LeadRows
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd");

    /// <summary>A C3 client, active two days ago, ¥80,000, 10% cash, an assessment valid for 600 days, birthday not this month.</summary>
    public static Dictionary<string, object?> Quiet(string clientId, string advisorId = "a-qian", string? name = null) => new()
    {
        ["clientId"] = clientId, ["advisorId"] = advisorId, ["name"] = name ?? "客户" + clientId, ["riskClass"] = "C3", ["lowestClass"] = false,
        ["riskAssessedOn"] = Day(-100), ["riskAssessmentExpiry"] = Day(600), ["horizonMonths"] = 36, ["accountOpenedOn"] = Day(-1000),
        ["lastLoginOn"] = Day(-2), ["lastTradeOn"] = Day(-5), ["trades30d"] = 1, ["trades90d"] = 3, ["totalAssets"] = 80000, ["assetChange30d"] = 0,
        ["cashRatio"] = 0.1, ["equityWeight"] = 0.3, ["bondWeight"] = 0.4, ["moneyMarketWeight"] = 0.1, ["fundWeight"] = 0.1,
        ["topHoldingConcentration"] = 0.2, ["pnl30d"] = 100, ["pnlYtd"] = 800, ["maxDrawdown"] = 0.05, ["marginAccount"] = false,
        ["holdings"] = new[] { new { code = "ES1002", name = "示例短债", weight = 0.2, riskLevel = "R2" } },
        ["preferredChannel"] = "sms", ["language"] = "zh-CN", ["appActiveDays30d"] = 3, ["complaints12m"] = 0, ["contactConsent"] = true,
        ["birthdayMonth"] = Today.Month % 12 + 1,
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> row, params (string Field, object? Value)[] changes)
    {
        var copy = new Dictionary<string, object?>(row);
        foreach (var (field, value) in changes) copy[field] = value;
        return copy;
    }

    public static async Task<JsonObject> ImportRowsAsync(this HttpClient crm, params Dictionary<string, object?>[] rows) =>
        await crm.ImportedAsync(string.Join('\n', rows.Select(r => JsonSerializer.Serialize(r))), "application/x-ndjson");

    public static async Task<List<JsonNode>> LeadsAsync(this HttpClient client, string query, string clientPrefix) =>
        (await client.GetObjectAsync("/v1/leads?" + query))["items"]!.AsArray().Select(l => l!).Where(l => l.Str("clientId").StartsWith(clientPrefix)).ToList();
}
