namespace Copilot.UnitTests.Compliance;

/// <summary>Terms inside quotation marks or disclaimers are mentioned, not claimed, when the sentence disowns them.</summary>
public sealed class DisclaimerTests
{
    [Theory]
    [InlineData("现在不存在所谓的“保本”理财，请您注意。")]
    [InlineData("任何“稳赚不赔”的说法都是违规的。")]
    [InlineData("请警惕以“内部消息”为诱饵的荐股群。")]
    [InlineData("监管不允许使用“保本保收益”这类字眼。")]
    [InlineData("Be wary of so-called 'guaranteed' products. Example Securities USA LLC")]
    [InlineData("I'd be careful with anyone claiming a fund 'can't lose'. Example Securities USA LLC")]
    [InlineData("风险提示：本产品为非保本浮动收益型产品，过往业绩不代表未来表现。")]
    [InlineData("Past performance is no guarantee of future results, and returns are not guaranteed. Example Securities USA LLC")]
    public void Disowned_quotes_and_disclaimers_are_clean(string text)
    {
        Assert.Empty(ComplianceTestRules.Check(text).Findings);
    }

    [Theory]
    [InlineData("我们这款产品的口号就是“保本保收益”，欢迎咨询。", "CN-IA-01")]
    [InlineData("Our motto: 'guaranteed returns' for every client. Example Securities USA LLC", "US-2210-01")]
    public void A_quote_the_sender_stands_behind_is_still_a_claim(string text, string rule)
    {
        Assert.Contains(rule, ComplianceTestRules.RuleIds(text));
    }
}
