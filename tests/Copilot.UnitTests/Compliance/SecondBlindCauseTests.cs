namespace Copilot.UnitTests.Compliance;

/// <summary>
/// The causes of the second blind set's misses and false alarms, each checked on wording written for this test rather than
/// the set's own, so a fix that only learnt the set's messages fails here.
/// </summary>
public sealed class SecondBlindCauseTests
{
    [Theory]
    [InlineData("顾问费打到我媳妇的卡上，卡号我发你", "CN-IA-06")]
    [InlineData("服务费直接微信转我就好，公司那边流程太慢", "CN-IA-06")]
    [InlineData("You can Venmo the advisory fee to me, it's faster.", "CN-IA-06")]
    [InlineData("Send me the 6-digit code you just got and I'll place the order for you.", "CN-IA-07")]
    [InlineData("One of my VIP clients just dumped his whole position in Tencent, fyi.", "CN-IA-09")]
    [InlineData("我在上市公司的朋友说下周有重组，消息还没出，先埋伏", "CN-IA-08")]
    [InlineData("据券商研报，这家公司明年利润翻倍", "CN-IA-04")]
    [InlineData("This fund is guarenteed to pay 7% a year.", "US-2210-01")]
    [InlineData("At this rate you'll double your money by 2027.", "US-2210-02")]
    [InlineData("Let's continue on WhatsApp, my handle is @amy_trades_hk", "CN-CONTACT-01")]
    [InlineData("建议ES3001再拿一年，照这个势头还能翻倍。", "CN-MKT-01")]
    [InlineData("We split profits 60/40, sound fair?", "CN-IA-05")]
    public void A_paraphrase_of_each_cause_is_caught(string text, string rule) =>
        Assert.Contains(rule, ComplianceTestRules.RuleIds(text));

    [Theory]
    [InlineData("测评的时候亏损承受那题选最高，就能买R5了")]
    [InlineData("Just answer the risk profile aggressively so you qualify for the structured note.")]
    public void Coaching_the_risk_questionnaire_is_a_suitability_finding(string text) =>
        Assert.Contains("CN-SUIT-01", ComplianceTestRules.RuleIds(text));

    [Fact]
    public void Advice_signed_with_a_number_but_no_name_still_lacks_the_advisor()
    {
        // The tail of a warning (决策需谨慎) before 执业编号 is not a name; the firm's name is not a person's.
        Assert.Contains("CN-IA-03", ComplianceTestRules.RuleIds("建议卖出一半。市场有风险，决策需谨慎。执业编号S0820120080045"));
        Assert.Contains("CN-IA-03", ComplianceTestRules.RuleIds("I'd sell half of it now. Reg. No. S0820118060019, Example Securities"));
        Assert.DoesNotContain("CN-IA-03", ComplianceTestRules.RuleIds("建议卖出一半。市场有风险，决策需谨慎。——周敏 S0820120080045"));
    }

    [Theory]
    [InlineData("Happy new year from all of us! All the best, Example Securities")]
    [InlineData("近期有不法分子冒充我司员工，要求客户转账到个人账户，请勿相信。【示例证券】")]
    [InlineData("Scammers pretending to be our staff promise 'guaranteed 20% returns'. We never do. Example Securities")]
    [InlineData("Are we the best broker in town? Honestly I can't say that. Example Securities")]
    [InlineData("做T不适合大多数人，按计划定投更省心。——李娜 S0820119050012")]
    [InlineData("您想让我帮您下单，这个我不能做，请您本人在App操作。——李娜 S0820119050012")]
    public void Warnings_greetings_and_refusals_stay_clean(string text) =>
        Assert.Empty(ComplianceTestRules.RuleIds(text));

    [Fact]
    public void An_English_message_without_the_firm_name_is_flagged_and_with_it_is_not()
    {
        Assert.Contains("US-2210-04", ComplianceTestRules.RuleIds("Happy birthday Mr. Ho, wishing you a great year! — David", "en"));
        Assert.DoesNotContain("US-2210-04", ComplianceTestRules.RuleIds("Happy birthday Mr. Ho, wishing you a great year! — David, Example Securities", "en"));
    }
}
