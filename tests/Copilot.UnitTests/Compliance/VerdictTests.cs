using Copilot.Compliance;

namespace Copilot.UnitTests.Compliance;

/// <summary>Fail on any block finding, review on warnings only, pass on none.</summary>
public sealed class VerdictTests
{
    private static ComplianceFinding Finding(string severity) => new("X-1", severity, "m", 0, 0, FindingSource.Rule);

    [Fact]
    public void The_verdict_follows_the_most_serious_finding()
    {
        Assert.Equal(ComplianceVerdict.Pass, ComplianceResult.From([]).Verdict);
        Assert.Equal(ComplianceVerdict.Review, ComplianceResult.From([Finding(FindingSeverity.Warn)]).Verdict);
        Assert.Equal(ComplianceVerdict.Fail, ComplianceResult.From([Finding(FindingSeverity.Block)]).Verdict);
        Assert.Equal(ComplianceVerdict.Fail, ComplianceResult.From([Finding(FindingSeverity.Warn), Finding(FindingSeverity.Block)]).Verdict);
    }

    [Fact]
    public void Checked_messages_get_the_verdict_their_findings_earn()
    {
        Assert.Equal(ComplianceVerdict.Pass, ComplianceTestRules.Check("李阿姨，祝您生日快乐！").Verdict);
        // Missing identity is a warning only.
        Assert.Equal(ComplianceVerdict.Review, ComplianceTestRules.Check("建议您分批买入ES1002。风险提示：基金净值会波动，可能亏损。").Verdict);
        Assert.Equal(ComplianceVerdict.Fail, ComplianceTestRules.Check("这款产品保本保收益。").Verdict);
    }
}
