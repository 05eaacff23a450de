using Copilot.Compliance;

namespace Copilot.UnitTests.Compliance;

/// <summary>
/// Promises disguised with invisible characters, full-width forms, spaces or punctuation between the characters are read
/// for what they say, and the finding still highlights the words as the advisor wrote them.
/// </summary>
public sealed class NormalisationTests
{
    [Theory]
    [InlineData("王姐，这款产品保\u200b本保收益，放心。", "CN-IA-01")]
    [InlineData("王姐，这款产品保\u200c本，放心。", "CN-IA-01")]
    [InlineData("王姐，这款产品保\u200d本，放心。", "CN-IA-01")]
    [InlineData("王姐，这款产品保\u2060本，放心。", "CN-IA-01")]
    [InlineData("王姐，这款产品保\ufeff本，放心。", "CN-IA-01")]
    [InlineData("王姐，这款产品保\u00ad本，放心。", "CN-IA-01")]
    [InlineData("王姐，这款产品保\u202e本，放心。", "CN-IA-01")]
    [InlineData("王姐，这款产品保　本，放心。", "CN-IA-01")]
    [InlineData("王姐，这款产品保 本，放心。", "CN-IA-01")]
    [InlineData("王姐，这款产品保-本，放心。", "CN-IA-01")]
    [InlineData("王姐，这款产品保—本，放心。", "CN-IA-01")]
    [InlineData("王姐，这款产品保.本，放心。", "CN-IA-01")]
    [InlineData("王姐，这款产品保·本，放心。", "CN-IA-01")]
    [InlineData("王姐，这款产品保*本，放心。", "CN-IA-01")]
    [InlineData("王姐，这款产品保_本，放心。", "CN-IA-01")]
    [InlineData("王姐，这只基金稳 赚 不 赔。", "CN-IA-01")]
    [InlineData("王姐，这只基金稳　赚　不　赔。", "CN-IA-01")]
    [InlineData("王姐，这只基金稳-赚-不-赔。", "CN-IA-01")]
    [InlineData("王姐，这只基金零 风 险。", "CN-IA-01")]
    [InlineData("王姐，把交易密\u200b码发我一下。", "CN-IA-07")]
    [InlineData("This note offers a ｇｕａｒａｎｔｅｅｄ return.", "US-2210-01")]
    [InlineData("This note offers a guaran\u200bteed return.", "US-2210-01")]
    [InlineData("This note offers a g u a r a n t e e d return.", "US-2210-01")]
    [InlineData("This note is r-i-s-k free for you.", "US-2210-01")]
    public void A_disguised_violation_is_found(string text, string rule)
    {
        Assert.Contains(rule, ComplianceTestRules.RuleIds(text));
    }

    [Theory]
    [InlineData("王姐，这只基金稳 赚 不 赔。", "稳 赚 不 赔")]
    [InlineData("王姐，这款产品保\u200b本保收益，放心。", "保\u200b本保收益")]
    [InlineData("王姐，这款产品保　本，放心。", "保　本")]
    [InlineData("王姐，这款产品保.本，放心。", "保.本")]
    [InlineData("\u200b\u200b王姐，这只基金稳\u200b赚\u200b不\u200b赔。", "稳\u200b赚\u200b不\u200b赔")]
    public void The_span_covers_the_disguised_words_in_the_original_text(string text, string original)
    {
        var finding = ComplianceTestRules.Check(text).Findings.First(f => f.RuleId == "CN-IA-01");

        Assert.Equal(original, text[finding.Start..finding.End]);
        Assert.Contains(original, finding.Message);
    }

    [Fact]
    public void An_english_span_after_full_width_letters_points_at_the_original()
    {
        const string text = "Ｈｉ Ｊｏ, a ｇｕａｒａｎｔｅｅｄ 8% return.";
        var finding = ComplianceTestRules.Check(text, "en").Findings.First(f => f.RuleId == "US-2210-01");

        Assert.Equal("ｇｕａｒａｎｔｅｅｄ", text[finding.Start..finding.End]);
    }

    [Theory]
    [InlineData("王姐，这款产品不 保 本，净值会波动。")]
    [InlineData("王姐，这款产品不\u200b保\u200b本，净值会波动。")]
    [InlineData("王姐，市场有风险，投资需谨慎。祝您生日快乐！")]
    [InlineData("示例证券 投资顾问 陈静（执业编号：S0820118020031）祝您周末愉快。")]
    [InlineData("Returns are not g u a r a n t e e d and you may lose money.")]
    public void Normalising_keeps_negations_and_clean_messages_clean(string text)
    {
        Assert.DoesNotContain(ComplianceTestRules.Check(text).Findings, f => f.Severity == FindingSeverity.Block);
    }

    [Fact]
    public void A_product_code_in_full_width_letters_is_still_that_product_for_suitability()
    {
        ProductRef[] catalog = [new("ES4001", "R4", null), new("ES1002", "R2", null)];

        Assert.Equal(["ES4001"], ProductCatalog.Mentioned("李阿姨，ＥＳ４００１可以逢低关注。", catalog).Select(p => p.Code));
        var finding = ComplianceTestRules.Check("李阿姨，ＥＳ４００１可以逢低关注。风险提示：可能亏损。", "zh", new ClientProfile("C2", 36), catalog[0])
            .Findings.Single(f => f.RuleId == "CN-SUIT-01");
        Assert.Equal("ＥＳ４００１", "李阿姨，ＥＳ４００１可以逢低关注。风险提示：可能亏损。"[finding.Start..finding.End]);
    }
}
