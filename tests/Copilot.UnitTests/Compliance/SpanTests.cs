using Copilot.Compliance;

namespace Copilot.UnitTests.Compliance;

/// <summary>A finding's span is the offending phrase: text[start..end] is what a reviewer sees highlighted.</summary>
public sealed class SpanTests
{
    [Theory]
    [InlineData("王姐，这款产品保本保收益，放心。", "CN-IA-01", "保本保收益")]
    [InlineData("这只票要是亏了算我的。", "CN-IA-01", "亏了算我的")]
    [InlineData("别担心，跌了我给您补上。", "CN-IA-01", "跌了我给您补")]
    [InlineData("下周一定涨，信我。", "CN-SUIT-03", "一定涨")]
    [InlineData("您把交易密码发我一下。", "CN-IA-07", "密码发我")]
    [InlineData("会员费直接转我支付宝就行。", "CN-IA-06", "转我支付宝")]
    [InlineData("内部消息，下周要公告重组。", "CN-IA-08", "内部消息")]
    [InlineData("这周建议您每天做T。", "CN-MKT-02", "每天做T")]
    [InlineData("This note offers a guaranteed 8% return.", "US-2210-01", "guaranteed")]
    [InlineData("Trust me, this stock will double.", "US-2210-02", "will double")]
    [InlineData("We are the number one broker.", "US-MKT-05", "number one")]
    [InlineData("您放心，本金这块一分不少。", "CN-IA-01", "本金这块一分不少")]
    [InlineData("Please text me your trading password tonight.", "CN-IA-07", "text me your trading password")]
    [InlineData("If it ends the year in the red I'll cover it personally.", "CN-IA-01", "in the red I'll cover")]
    public void The_span_is_the_offending_phrase(string text, string rule, string phrase)
    {
        var finding = ComplianceTestRules.Check(text).Findings.First(f => f.RuleId == rule);

        Assert.Equal(phrase, text[finding.Start..finding.End]);
        Assert.Equal(FindingSource.Rule, finding.Source);
    }

    [Fact]
    public async Task Every_finding_on_the_labelled_set_lies_inside_its_text_and_quotes_what_it_flags()
    {
        foreach (var message in LabelledMessages.All)
        {
            var result = await ComplianceTestRules.RulesOnly.CheckAsync(message.ToRequest(), CancellationToken.None);
            foreach (var finding in result.Findings)
            {
                Assert.InRange(finding.Start, 0, message.Text.Length);
                Assert.InRange(finding.End, finding.Start, message.Text.Length);
                Assert.False(string.IsNullOrWhiteSpace(finding.Message), $"{message.Id} {finding.RuleId} has no message");
                Assert.False(System.Text.RegularExpressions.Regex.IsMatch(finding.Message, @"\{[a-zA-Z]+\}"), $"{message.Id}: unfilled placeholder in {finding.Message}");
                var rule = ComplianceTestRules.Rules.Find(finding.RuleId)!;
                if (finding.End > finding.Start && rule.Messages["zh"].Contains("{match}"))
                    Assert.Contains(message.Text[finding.Start..finding.End], finding.Message);
            }
        }
    }

    [Fact]
    public void Two_separate_occurrences_are_two_findings_and_overlapping_ones_are_one()
    {
        const string text = "这款保本，那款也保本。";

        var spans = ComplianceTestRules.Check(text).Findings.Where(f => f.RuleId == "CN-IA-01").Select(f => (f.Start, f.End)).ToList();

        Assert.Equal([(2, 4), (8, 10)], spans);
    }

    [Fact]
    public void Findings_are_in_text_order_in_the_message_language()
    {
        var result = ComplianceTestRules.Check("零风险，下周一定涨，亏了我补。");

        Assert.Equal(result.Findings.OrderBy(f => f.Start).ToList(), result.Findings);
        Assert.All(result.Findings, f => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", f.Message));
        Assert.All(ComplianceTestRules.Check("Guaranteed returns, Example Securities USA LLC").Findings, f => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", f.Message));
    }
}
