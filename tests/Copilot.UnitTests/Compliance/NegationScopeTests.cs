namespace Copilot.UnitTests.Compliance;

/// <summary>Text rules read negation: a cue before the term in the same clause and within the window, or after it.</summary>
public sealed class NegationScopeTests
{
    private static readonly string[] PromiseRules = ["CN-IA-01", "CN-SUIT-03", "US-2210-01", "US-2210-02"];

    [Theory]
    [InlineData("这款产品不保本，净值会波动。")]
    [InlineData("以上内容不构成收益承诺。")]
    [InlineData("我无法保证收益，请您理解。")]
    [InlineData("我不能保证一定涨，市场短期很难预测。")]
    [InlineData("没有人能保证这只基金一定涨。")]
    [InlineData("这类产品不再保本，也不保收益。")]
    [InlineData("保本在现在的资管产品里是不可能的。")]
    [InlineData("Returns are not guaranteed.")]
    [InlineData("Past performance does not guarantee future results.")]
    [InlineData("There is no guarantee that the fund will rise.")]
    [InlineData("We cannot promise any return on this fund.")]
    [InlineData("No risk-free investment exists.")]
    public void Denials_of_guarantees_are_not_violations(string text)
    {
        var found = ComplianceTestRules.RuleIds(text);

        Assert.Empty(found.Intersect(PromiseRules));
    }

    [Theory]
    [InlineData("这款产品保本，您放心。", "CN-IA-01")]
    [InlineData("不用担心，这个产品保本的。", "CN-IA-01")] // 不用担心 negates the worry, not the promise
    [InlineData("这个产品不但保本，收益还高。", "CN-IA-01")] // 不但 is "not only"
    [InlineData("不骗您，这只股票肯定涨。", "CN-SUIT-03")] // the negation is in another clause
    [InlineData("您不用怕亏，亏了公司会补偿您的。", "CN-IA-01")]
    [InlineData("这只基金未来一定会涨。", "CN-SUIT-03")] // 未来 is "future", not 未 "not"
    [InlineData("Don't miss out: this fund has guaranteed income.", "US-2210-01")]
    [InlineData("You cannot lose with this one.", "US-2210-01")] // the negation is part of the promise
    [InlineData("No need to worry: it's a no-lose investment.", "US-2210-01")]
    public void Pseudo_negations_and_negations_elsewhere_do_not_excuse_a_promise(string text, string rule)
    {
        Assert.Contains(rule, ComplianceTestRules.RuleIds(text));
    }

    [Fact]
    public void A_cue_beyond_the_window_does_not_reach_the_term()
    {
        // 不 is 23 characters before 保本 in one clause: too far to govern it.
        const string text = "您不是第一次买我们家的理财产品了这次这款新产品也保本";

        Assert.Contains("CN-IA-01", ComplianceTestRules.RuleIds(text));
        Assert.DoesNotContain("CN-IA-01", ComplianceTestRules.RuleIds("这次这款新产品也不保本"));
    }

    [Fact]
    public void An_english_cue_counts_within_six_words_before_the_term()
    {
        Assert.DoesNotContain("US-2210-02", ComplianceTestRules.RuleIds("Nobody can tell you which stock will double."));
        Assert.Contains("US-2210-02", ComplianceTestRules.RuleIds("Not everyone knows it yet, but this stock will double."));
    }

    [Fact]
    public void A_negated_buy_suggestion_is_not_a_suggestion_to_buy()
    {
        Assert.DoesNotContain("CN-IA-02", ComplianceTestRules.RuleIds("这个位置不建议加仓，先观望。"));
        Assert.DoesNotContain("CN-IA-02", ComplianceTestRules.RuleIds("建议别加仓，先保持现有仓位。"));
        Assert.Contains("CN-IA-02", ComplianceTestRules.RuleIds("建议您明天加仓。"));
    }

    [Fact]
    public void Warning_against_frequent_trading_is_not_inducing_it()
    {
        Assert.DoesNotContain("CN-MKT-02", ComplianceTestRules.RuleIds("频繁交易会增加成本，建议您降低交易频率。"));
        Assert.DoesNotContain("CN-MKT-02", ComplianceTestRules.RuleIds("请不要因为短期涨跌频繁买卖。"));
        Assert.Contains("CN-MKT-02", ComplianceTestRules.RuleIds("建议您这周每天都做T。"));
    }
}
