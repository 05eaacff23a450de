using Copilot.Chat;

namespace Copilot.UnitTests.Chat;

/// <summary>Template mode quotes the sentences and table rows that answer the question, not the start of the passage.</summary>
public sealed class PassageQuoterTests
{
    // 第六条 of knowledge/compliance-advisor-communication-manual.md as the chunker keeps it: prose, a table, prose.
    private const string SuitabilityArticle = """
        第六条 公司将普通投资者的风险承受能力由低到高分为C1、C2、C3、C4、C5五个等级，将产品和服务的风险等级由低到高分为R1、R2、R3、R4、R5五个等级。匹配原则如下：
        | 客户等级 | 可购买的产品风险等级 |
        | --- | --- |
        | C1（保守型，含风险承受能力最低类别） | 仅R1 |
        | C2（谨慎型） | R1、R2 |
        | C3（稳健型） | R1、R2、R3 |
        | C4（积极型） | R1至R4 |
        | C5（激进型） | R1至R5 |
        即：C*n*级客户最高可购买R*n*级产品。例如，C2级客户不得购买R3级产品，C3级客户不得购买R4级的股票型基金或行业ETF。
        """;

    [Fact]
    public void The_suitability_question_quotes_the_rule_and_its_table_row_under_the_header()
    {
        var quote = PassageQuoter.Quote("C2级客户能买R3的产品吗？", SuitabilityArticle);

        Assert.Contains("例如，C2级客户不得购买R3级产品", quote);
        Assert.Contains("| 客户等级 | 可购买的产品风险等级 |\n| --- | --- |\n| C2（谨慎型） | R1、R2 |", quote);
        Assert.DoesNotContain("C5（激进型）", quote);
        Assert.DoesNotContain("C1（保守型", quote);
    }

    [Fact]
    public void A_quote_keeps_the_passages_order()
    {
        var quote = PassageQuoter.Quote("C2级客户能买R3的产品吗？", SuitabilityArticle);

        Assert.True(quote.IndexOf("| C2（谨慎型）", StringComparison.Ordinal) < quote.IndexOf("例如，C2级客户", StringComparison.Ordinal), quote);
    }

    [Fact]
    public void A_later_sentence_that_answers_is_quoted_instead_of_the_first()
    {
        const string passage = "本基金为债券型基金，主要投资于短期债券。本基金每个工作日开放申购。赎回款项在T+1日到账，节假日顺延。";

        var quote = PassageQuoter.Quote("赎回多久到账", passage);

        Assert.Equal("赎回款项在T+1日到账，节假日顺延。", quote);
    }

    [Fact]
    public void English_words_and_codes_match_too()
    {
        const string passage = "Key facts. The fund is rated R2. Redemptions settle on T+2 in US dollars.";

        Assert.Equal("Redemptions settle on T+2 in US dollars.", PassageQuoter.Quote("when do redemptions settle", passage));
    }

    [Fact]
    public void A_passage_sharing_nothing_with_the_question_is_quoted_from_its_start()
    {
        const string passage = "风险等级分为R1至R5。产品按风险从低到高排列。";

        Assert.Equal(passage, PassageQuoter.Quote("怎么开户", passage));
    }
}

/// <summary>The template answer carries a quoted table as Markdown inside its block quote, for the page to render.</summary>
public sealed class TemplateAnswerTableTests
{
    [Fact]
    public void A_quoted_table_row_stays_a_table_inside_the_block_quote()
    {
        var hit = ChatSamples.Hit("manual", "第六条 匹配原则如下：\n| 客户等级 | 可购买的产品风险等级 |\n| --- | --- |\n| C1（保守型） | 仅R1 |\n| C2（谨慎型） | R1、R2 |",
            "第二章 > 第六条", "合规手册");

        var answer = TemplateAnswerWriter.Write("C2级客户能买哪些产品", [hit]);

        Assert.Contains("> | 客户等级 | 可购买的产品风险等级 |\n> | --- | --- |\n> | C2（谨慎型） | R1、R2 |", answer);
    }
}
