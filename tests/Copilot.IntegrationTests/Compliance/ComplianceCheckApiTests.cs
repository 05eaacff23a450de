using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Compliance;

/// <summary>POST /v1/compliance/check in template mode: rules only, verdicts and findings exactly as the issue specifies.</summary>
public sealed class ComplianceCheckApiTests(ComplianceTemplateApi api) : IClassFixture<ComplianceTemplateApi>
{
    private const string Url = "/v1/compliance/check";
    private const string Identity = "示例证券 投资顾问 张伟（执业编号：S0820118020031）";
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task A_clean_message_passes_with_no_findings()
    {
        var result = await _client.PostJsonAsync(Url, new { text = "王阿姨，ES1002短债基金不保本，也不保证收益，风险等级R2。" + Identity, language = "zh-CN", channel = "wechat" });

        Assert.Equal("pass", result.Str("verdict"));
        Assert.Empty(result["findings"]!.AsArray());
    }

    [Fact]
    public async Task A_promise_fails_with_a_block_finding_that_spans_the_phrase()
    {
        const string text = "王姐，这款产品保本保收益，年化4.5%。" + Identity;

        var result = await _client.PostJsonAsync(Url, new { text });

        Assert.Equal("fail", result.Str("verdict"));
        var finding = Findings(result).Single(f => f.Str("ruleId") == "CN-IA-01");
        Assert.Equal(["end", "message", "ruleId", "severity", "source", "start"], finding.Select(p => p.Key).Order());
        Assert.Equal(("block", "rule"), (finding.Str("severity"), finding.Str("source")));
        Assert.Equal("保本保收益", text[finding["start"]!.GetValue<int>()..finding["end"]!.GetValue<int>()]);
        Assert.Contains("保本保收益", finding.Str("message"));
    }

    [Fact]
    public async Task Warnings_alone_send_the_message_to_review()
    {
        var result = await _client.PostJsonAsync(Url, new { text = "建议您分批买入ES1002。风险提示：基金净值会波动，可能亏损。", channel = "sms" });

        Assert.Equal("review", result.Str("verdict"));
        Assert.Equal(["CN-IA-03"], Findings(result).Select(f => f.Str("ruleId")));
        Assert.Equal("warn", Findings(result).Single().Str("severity"));
    }

    [Fact]
    public async Task A_catalogued_product_the_text_names_is_judged_against_the_client_though_the_request_lists_none()
    {
        (await _client.PostAsJsonAsync("/v1/knowledge/documents", new
        {
            id = "product-es9001", title = "示例雪球结构化票据9001", text = "ES9001为挂钩指数的结构化票据，封闭期24个月。", type = "product",
            productCodes = new[] { "ES9001" }, riskLevel = "R5", lockupMonths = 24, audience = "client",
        })).EnsureSuccessStatusCode();
        const string text = "张先生，推荐您关注ES9001。风险提示：结构化产品可能亏损本金，敲入后损失较大。" + Identity;

        var named = await _client.PostJsonAsync(Url, new { text, client = new { riskClass = "C2", horizonMonths = 12 } });
        var unnamed = await _client.PostJsonAsync(Url, new { text = text.Replace("ES9001", "这款产品"), client = new { riskClass = "C2", horizonMonths = 12 } });

        Assert.Equal("fail", named.Str("verdict"));
        var suitability = Findings(named).Single(f => f.Str("ruleId") == "CN-SUIT-01");
        Assert.Equal("ES9001", text[suitability["start"]!.GetValue<int>()..suitability["end"]!.GetValue<int>()]);
        Assert.Contains(Findings(named), f => f.Str("ruleId") == "CN-SUIT-04");
        Assert.DoesNotContain(Findings(unnamed), f => f.Str("ruleId").StartsWith("CN-SUIT"));
    }

    [Fact]
    public async Task Suitability_uses_the_client_and_products_and_points_at_the_product_code()
    {
        const string text = "张先生，ES4002半导体ETF回调后可以关注。风险提示：R4产品，行业集中度高，波动较大，可能出现较大亏损。" + Identity;

        var result = await _client.PostJsonAsync(Url, new
        {
            text, language = "zh", channel = "wechat",
            client = new { riskClass = "C2", horizonMonths = 6 },
            products = new[] { new { code = "ES4002", riskLevel = "R4", lockupMonths = (int?)null }, new { code = "ES2001", riskLevel = "R2", lockupMonths = (int?)12 } },
        });

        Assert.Equal("fail", result.Str("verdict"));
        var ids = Findings(result).Select(f => f.Str("ruleId")).ToList();
        Assert.Contains("CN-SUIT-01", ids);
        Assert.Contains("CN-SUIT-04", ids);
        var mismatch = Findings(result).First(f => f.Str("ruleId") == "CN-SUIT-01");
        Assert.Equal("ES4002", text[mismatch["start"]!.GetValue<int>()..mismatch["end"]!.GetValue<int>()]);
        var lockup = Findings(result).First(f => f.Str("ruleId") == "CN-SUIT-04");
        Assert.Equal((0, 0), (lockup["start"]!.GetValue<int>(), lockup["end"]!.GetValue<int>())); // ES2001 is not named in the text
    }

    [Fact]
    public async Task The_lowest_class_flag_blocks_anything_above_R1()
    {
        var result = await _client.PostJsonAsync(Url, new
        {
            text = "既然您主动要求，就给您办ES1002，风险等级R2，净值会波动。" + Identity,
            client = new { riskClass = "C1", lowestClass = true },
            products = new[] { new { code = "ES1002", riskLevel = "R2" } },
        });

        Assert.Contains("CN-SUIT-02", Findings(result).Select(f => f.Str("ruleId")));
    }

    [Fact]
    public async Task English_messages_are_judged_by_the_FINRA_rules_and_the_PRC_conduct_rules_in_English()
    {
        var result = await _client.PostJsonAsync(Url, new { text = "This fund is risk-free and will double next year." });

        // Issue 9: the firm's English messages are bound by the same PRC conduct rules; FINRA 2210 applies as well.
        var ids = Findings(result).Select(f => f.Str("ruleId")).ToHashSet();
        Assert.Superset(new HashSet<string> { "US-2210-01", "US-2210-02", "US-2210-04", "CN-IA-01", "CN-SUIT-03" }, ids);
        Assert.All(Findings(result), f => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", f.Str("message")));
    }

    [Fact]
    public async Task Denials_of_guarantees_pass()
    {
        foreach (var text in new[] { "产品不保本。", "以上不构成收益承诺。", "我无法保证收益。", "Returns are not guaranteed. Example Securities USA LLC", "Past performance does not guarantee future results. Example Securities USA LLC" })
            Assert.Equal("pass", (await _client.PostJsonAsync(Url, new { text })).Str("verdict"));
    }

    [Fact]
    public async Task The_operation_is_named_and_summarised_in_OpenAPI()
    {
        var document = await _client.GetObjectAsync("/openapi/v1.json");

        var operation = document["paths"]!["/v1/compliance/check"]!["post"]!;
        Assert.Equal("CheckCompliance", operation.Str("operationId"));
        Assert.False(string.IsNullOrWhiteSpace(operation.Str("summary")));
    }

    private static List<JsonObject> Findings(JsonObject result) => result["findings"]!.AsArray().Select(f => f!.AsObject()).ToList();
}
