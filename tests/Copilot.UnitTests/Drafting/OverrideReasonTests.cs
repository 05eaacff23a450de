using Copilot.Drafting;

namespace Copilot.UnitTests.Drafting;

/// <summary>An override of a failed pre-check needs a reason in a sentence; "ok" and its disguises are not one.</summary>
public sealed class OverrideReasonTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ok")]
    [InlineData("同意放行")]
    [InlineData("通过，客户已知晓风险")]
    [InlineData("approved, looks fine")]
    [InlineData("好好好好好好好好好好好好好好好好好好好好好")]
    [InlineData("ok ok ok ok ok ok ok ok")]
    [InlineData("                              ")]
    [InlineData("12345678901234567890123")]
    [InlineData("..........!!!!!!!!!!!!!.......")]
    public void Is_not_a_reason(string? reason) => Assert.False(OverrideReason.IsSentence(reason));

    [Theory]
    [InlineData("客户已签署风险揭示书并书面确认知晓产品风险等级。")]
    [InlineData("The flagged phrase quotes the fund's prospectus verbatim, approved by legal.")]
    [InlineData("CN-SUIT-01 误报：客户上月已重新评估为C4，CRM尚未同步。")]
    public void Is_a_reason(string reason) => Assert.True(OverrideReason.IsSentence(reason));
}
