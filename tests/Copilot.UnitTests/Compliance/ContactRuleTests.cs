using Copilot.Compliance;

namespace Copilot.UnitTests.Compliance;

/// <summary>
/// knowledge/rules/contact.json: links, phone numbers, e-mail addresses, messenger ids and off-platform payments block a
/// client message, in Chinese and English; the firm's own website, e-mail domain and hotline do not.
/// </summary>
public sealed class ContactRuleTests
{
    private const string Rule = "CN-CONTACT-01";

    [Theory]
    [InlineData("张先生，详情请看 https://evil.example/promo?id=1 ，点开就能领取。", "https://evil.example/promo?id=1")]
    [InlineData("张先生，活动页面 www.vip-stock.top 上都有。", "www.vip-stock.top")]
    [InlineData("张先生，短链接 t.cn/A6xYz9 里有说明。", "t.cn/A6xYz9")]
    [InlineData("张先生，有问题打我手机13912345678。", "13912345678")]
    [InlineData("张先生，有问题别客气，打 139-1234-5678。", "139-1234-5678")]
    [InlineData("张先生，有问题打１３９１２３４５６７８。", "１３９１２３４５６７８")]
    [InlineData("张先生，办公室电话021-68881234。", "021-68881234")]
    [InlineData("张先生，加我微信 wx_zhang2024 聊。", "加我微信")]
    [InlineData("张先生，我的微信号：zhang_advisor88。", "我的微信号")]
    [InlineData("张先生，QQ号 28817365 随时找我。", "QQ号 28817365")]
    [InlineData("张先生，资料发到 zhang88@qq.com 就行。", "zhang88@qq.com")]
    [InlineData("张先生，以后私聊我就行。", "私聊我")]
    [InlineData("张先生，服务费请转账到我的个人账户。", "转账到我的个人账户")]
    [InlineData("张先生，先把钱打到下面的安全账户。", "安全账户")]
    [InlineData("张先生，加我v信 abc12345。", "加我v信")]
    [InlineData("Hi Tom, visit https://bit.ly/3xYz for the details.", "https://bit.ly/3xYz")]
    [InlineData("Hi Tom, text me at (415) 555-0199 tonight.", "(415) 555-0199")]
    [InlineData("Hi Tom, reach me on +852 9123 4567 any time.", "+852 9123 4567")]
    [InlineData("Hi Tom, add me on WeChat, my id is tom_adv88.", "add me on WeChat")]
    [InlineData("Hi Tom, WhatsApp me when you land.", "WhatsApp me")]
    [InlineData("Hi Tom, email my personal address tom.adv@gmail.com.", "tom.adv@gmail.com")]
    [InlineData("Hi Tom, please pay the fee into my personal account.", "pay the fee into my personal account")]
    [InlineData("Hi Tom, just Venmo me the balance.", "Venmo me")]
    public void A_contact_detail_or_off_platform_payment_blocks_and_is_highlighted(string text, string words)
    {
        var result = ComplianceTestRules.Check(text);
        var at = text.IndexOf(words, StringComparison.Ordinal);

        Assert.Equal(ComplianceVerdict.Fail, result.Verdict);
        Assert.Contains(result.Findings, f => f.RuleId == Rule && f.Severity == FindingSeverity.Block && f.Start < at + words.Length && at < f.End);
    }

    [Theory]
    [InlineData("张先生，官方APP请在 https://www.example-securities.example/app 下载。")]
    [InlineData("张先生，如有疑问请拨打公司客服热线400-820-0000。")]
    [InlineData("张先生，也可以发邮件至 service@example-securities.example 查询。")]
    [InlineData("张先生，请通过企业微信联系我，公司不会要求您转账到个人账户。")]
    [InlineData("张先生，您的执业编号查询结果：S0820118020031，到期日2026-12-31。")]
    [InlineData("张先生，本期分红每10份派0.35元，将于2026-12-05到账。")]
    [InlineData("Hi Tom, the official site is https://example-securities.example and our hotline is 400-820-0000.")]
    [InlineData("Hi Tom, we will never ask you to pay into a personal account.")]
    [InlineData("Hi Tom, the signal line on the chart crossed the average; WeChat messages from us come from our WeChat Work account.")]
    public void The_firms_own_channels_and_warnings_against_off_platform_requests_pass(string text)
    {
        Assert.DoesNotContain(Rule, ComplianceTestRules.RuleIds(text));
    }

    [Theory]
    [InlineData("张先生，官网是 https://example-securities.example.evil.com/app 。")]
    [InlineData("张先生，官网是 https://example-securities.example@evil.com/app 。")]
    [InlineData("张先生，官网是 https://www.example-securities.example.top 。")]
    public void A_look_alike_of_the_firms_site_is_not_allowed(string text)
    {
        Assert.Contains(Rule, ComplianceTestRules.RuleIds(text));
    }
}
