using Copilot.Compliance;

namespace Copilot.UnitTests.Compliance;

/// <summary>Suitability checks from the request's client and products, and the text rules that need something present.</summary>
public sealed class StructuredCheckTests
{
    private const string Identity = "示例证券 投资顾问 张伟（执业编号：S0820118020031）";
    private const string Warning = "风险提示：净值会波动，可能出现亏损。";

    private static IReadOnlyList<string> Ids(string text, ClientProfile? client, params ProductRef[] products) =>
        ComplianceTestRules.RuleIds(text, "zh-CN", client, products);

    [Theory]
    [InlineData("C2", "R3", true)]
    [InlineData("C3", "R3", false)]
    [InlineData("C5", "R5", false)]
    [InlineData("C1", "R1", false)]
    [InlineData("C1", "R2", true)] // C1 may hold R1 only
    [InlineData("C4", "R5", true)]
    public void A_product_above_the_client_class_is_CN_SUIT_01(string riskClass, string riskLevel, bool expected)
    {
        var found = Ids($"建议您关注ES3001。{Warning}{Identity}", new ClientProfile(riskClass), new ProductRef("ES3001", riskLevel));

        Assert.Equal(expected, found.Contains("CN-SUIT-01"));
    }

    [Fact]
    public void The_finding_names_the_product_and_points_at_its_code()
    {
        const string text = "张先生，ES4002近期回调，可以关注。" + Warning + Identity;

        var finding = Assert.Single(ComplianceTestRules.Check(text, "zh", new ClientProfile("C3"), new ProductRef("ES4002", "R4")).Findings,
            f => f.RuleId == "CN-SUIT-01");

        Assert.Equal("ES4002", text[finding.Start..finding.End]);
        Assert.Contains("ES4002", finding.Message);
        Assert.Contains("R4", finding.Message);
        Assert.Contains("C3", finding.Message);
        Assert.Equal(FindingSeverity.Block, finding.Severity);
    }

    [Fact]
    public void A_product_the_text_does_not_name_gets_an_empty_span()
    {
        var finding = Assert.Single(ComplianceTestRules.Check("建议您关注这只新基金。" + Warning + Identity, "zh", new ClientProfile("C2"), new ProductRef("ES4001", "R4")).Findings,
            f => f.RuleId == "CN-SUIT-01");

        Assert.Equal((0, 0), (finding.Start, finding.End));
    }

    [Fact]
    public void The_lowest_class_may_not_be_sold_above_R1_even_on_request()
    {
        var lowest = new ClientProfile("C1", null, LowestClass: true);

        Assert.Equal(["CN-SUIT-01", "CN-SUIT-02"], Ids("既然您主动要求，就给您办ES1002。" + Warning + Identity, lowest, new ProductRef("ES1002", "R2")));
        Assert.Empty(Ids("ES1001货币基金风险等级R1，收益不保证。" + Identity, lowest, new ProductRef("ES1001", "R1")));
        Assert.DoesNotContain("CN-SUIT-02", Ids("给您办ES1002。" + Warning + Identity, new ClientProfile("C1"), new ProductRef("ES1002", "R2")));
    }

    [Theory]
    [InlineData(6, 12, true)]
    [InlineData(12, 12, false)]
    [InlineData(24, 12, false)]
    [InlineData(null, 12, false)]
    public void A_lock_up_longer_than_the_horizon_is_CN_SUIT_04(int? horizon, int lockup, bool expected)
    {
        var found = Ids("ES2001一年定开，可以考虑。" + Warning + Identity, new ClientProfile("C3", horizon), new ProductRef("ES2001", "R3", lockup));

        Assert.Equal(expected, found.Contains("CN-SUIT-04"));
    }

    [Fact]
    public void A_high_risk_pitch_needs_specific_risks_not_a_generic_warning()
    {
        var client = new ClientProfile("C5", 36);
        var note = new ProductRef("ES5001", "R5", 24);

        Assert.Contains("CN-SUIT-05", Ids("ES5001这期条件很好，建议您认购。投资有风险，入市需谨慎。" + Identity, client, note));
        Assert.DoesNotContain("CN-SUIT-05", Ids("ES5001这期建议您认购；一旦敲入，可能亏损本金。" + Identity, client, note));
        Assert.DoesNotContain("CN-SUIT-05", Ids("ES3001建议您认购。投资有风险，入市需谨慎。" + Identity, client, new ProductRef("ES3001", "R3")));
        Assert.Contains("CN-SUIT-05", Ids("这款R5级产品建议您认购。投资有风险。" + Identity, null));
    }

    [Fact]
    public void A_text_that_declines_the_mismatched_product_is_not_a_mismatch_unless_it_turns_around()
    {
        var client = new ClientProfile("C2");
        var etf = new ProductRef("ES4002", "R4");

        Assert.DoesNotContain("CN-SUIT-01", Ids("ES4002是R4产品，不适合您，我不建议您购买。", client, etf));
        Assert.Contains("CN-SUIT-01", Ids("ES4002不适合您，但您坚持的话也可以买。" + Warning + Identity, client, etf));
    }

    [Fact]
    public void Without_a_client_the_suitability_checks_stay_silent()
    {
        Assert.DoesNotContain("CN-SUIT-01", Ids("建议您关注ES4002。" + Warning + Identity, null, new ProductRef("ES4002", "R4")));
    }

    [Fact]
    public void Coaching_the_risk_assessment_is_CN_SUIT_01_without_any_client_data()
    {
        Assert.Contains("CN-SUIT-01", Ids("您重新做一下测评，风险偏好选最激进的，就能买了。", null));
        Assert.Contains("CN-SUIT-01", Ids("您签一个风险不匹配确认书就可以买了。", null));
    }

    [Fact]
    public void Advice_needs_a_risk_warning_and_the_advisor_identity()
    {
        Assert.Equal(["CN-IA-02", "CN-IA-03"], Ids("建议您逢低买入ES3001。", null));
        Assert.Equal(["CN-IA-03"], Ids("建议您逢低买入ES3001。" + Warning, null));
        Assert.Empty(Ids("建议您逢低买入ES3001。" + Warning + Identity, null));
        // A name without a registration number is not an identity.
        Assert.Equal(["CN-IA-03"], Ids("建议您逢低买入ES3001。" + Warning + "投资顾问 张伟", null));
    }

    [Fact]
    public void A_research_view_needs_its_publisher_and_date()
    {
        Assert.Contains("CN-IA-04", Ids("研报认为银行板块有配置价值。" + Identity, null));
        Assert.Contains("CN-IA-04", Ids("示例证券研究所认为银行板块有配置价值。" + Identity, null));
        Assert.DoesNotContain("CN-IA-04", Ids("据示例证券研究所2026年11月20日发布的报告，银行板块有配置价值。" + Identity, null));
    }

    [Fact]
    public void English_investment_talk_needs_the_firm_name()
    {
        Assert.Contains("US-2210-04", ComplianceTestRules.RuleIds("Hi Tom, the bond fund can lose value when rates rise. Regards, Lisa", "en"));
        Assert.DoesNotContain("US-2210-04", ComplianceTestRules.RuleIds("Hi Tom, the bond fund can lose value when rates rise. Example Securities USA LLC", "en"));
        Assert.DoesNotContain("US-2210-04", ComplianceTestRules.RuleIds("Happy birthday, Tom! Best wishes, Lisa", "en"));
    }

    [Fact]
    public void The_firms_english_messages_are_bound_by_the_prc_rules_and_the_finra_rules_stay_english()
    {
        // Issue 9: the PRC conduct rules bind every message the firm sends; FINRA 2210 governs English communications only.
        Assert.Contains("CN-IA-01", ComplianceTestRules.RuleIds("Your capital is 100% safe and you get a guaranteed 6% a year. Example Securities", "en"));
        Assert.Contains("US-2210-01", ComplianceTestRules.RuleIds("Your capital is 100% safe and you get a guaranteed 6% a year. Example Securities", "en"));
        Assert.Contains("CN-IA-07", ComplianceTestRules.RuleIds("Just text me your trading password and I'll place the orders. Example Securities", "en"));
        Assert.DoesNotContain(ComplianceTestRules.RuleIds("这款产品保证收益", "zh"), id => id.StartsWith("US-"));
        Assert.All(ComplianceTestRules.Rules.Rules.Where(r => r.Id.StartsWith("CN-")), r => Assert.Equal(["en", "zh"], r.Languages.Order()));
    }
}
