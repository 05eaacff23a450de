using System.Text.RegularExpressions;
using Copilot.Knowledge;
using Copilot.Knowledge.Dictionary;

namespace Copilot.UnitTests.Knowledge.Dictionary;

/// <summary>The dictionary shipped in knowledge/dictionary: one test per entry group, on questions phrased as users do.</summary>
public sealed class ShippedDictionaryTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepositoryRoot, "knowledge", "dictionary");
    private static readonly DomainDictionary Shipped = DomainDictionary.Load(Folder);

    private static IReadOnlyList<string> Added(string question) => Shipped.Expand(question).Texts.Select(t => t.Text).ToList();

    [Fact]
    public void Every_shipped_group_has_its_test_here()
    {
        Assert.Equal(
            ["abbreviations", "cross-language", "legal-questions", "products", "statute-situations", "trade-terms", "typos"],
            Shipped.Groups.Keys.Order(StringComparer.Ordinal));
        Assert.All(Shipped.Groups, group => Assert.True(group.Value >= 3, $"{group.Key} has {group.Value} entries"));
    }

    [Theory]
    [InlineData("老鼠仓", "利用 未公开的信息")]
    [InlineData("两融账户怎么开", "融资融券")]
    [InlineData("客户想打新", "新股申购")]
    [InlineData("爆仓了怎么办", "强制平仓")]
    [InlineData("员工私下代客理财", "接受客户的全权委托")]
    [InlineData("听说有内幕消息", "内幕信息")]
    [InlineData("庄家拉抬股价", "操纵证券市场")]
    [InlineData("营业部有人做飞单", "私下接受客户委托")]
    public void Trade_terms_add_the_statutes_words(string question, string statute)
    {
        Assert.Contains(statute, Added(question));
        Assert.Contains("trade-terms", Shipped.GroupsMatched(question));
    }

    [Fact]
    public void A_trade_term_is_found_however_the_question_around_it_is_cut()
    {
        // 老鼠仓 inside a longer run of characters, with no space or punctuation around it.
        Assert.Contains("利用 未公开的信息", Added("基金经理搞老鼠仓会怎样"));
    }

    [Fact]
    public void The_statutes_words_do_not_add_the_trades()
    {
        // One way: a question in the statute's words is searched as it is, not widened to slang.
        Assert.DoesNotContain("老鼠仓", Added("利用未公开的信息从事证券交易"));
        Assert.DoesNotContain("坐庄", Added("操纵证券市场的手段"));
    }

    [Theory]
    [InlineData("北交所开户条件", "北京证券交易所")]
    [InlineData("ETF和LOF有啥区别", "交易型开放式指数基金")]
    [InlineData("交易型开放式指数基金的申购", "ETF")]
    [InlineData("QDII额度", "合格境内机构投资者")]
    public void Abbreviations_and_full_names_find_each_other(string question, string other)
    {
        Assert.Contains(other, Added(question), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("abbreviations", Shipped.GroupsMatched(question));
    }

    [Theory]
    [InlineData("insider trading penalty under PRC law", "内幕交易")]
    [InlineData("What's the stamp duty on selling A-shares?", "印花税")]
    [InlineData("Is wash trading between my accounts illegal?", "对倒")]
    [InlineData("港股通开通条件", "Southbound")]
    [InlineData("给香港客户的免责声明", "disclaimer")]
    public void English_and_chinese_terms_find_each_other(string question, string other)
    {
        Assert.Contains(other, Added(question), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("cross-language", Shipped.GroupsMatched(question));
    }

    [Fact]
    public void An_english_questions_chinese_expansions_weigh_more_than_a_chinese_questions()
    {
        // The same term: in an English question its Chinese expansion is the translation, weighed at least as the
        // question's own words; in a Chinese question the English one stays an expansion below them.
        var english = Shipped.Expand("stamp duty on ETFs").Texts.Single(t => t.Text == "印花税");
        var chinese = Shipped.Expand("印花税怎么算").Texts.Single(t => t.Text == "stamp duty");

        Assert.True(english.Weight >= 1, $"translation weighs {english.Weight}");
        Assert.True(chinese.Weight < 1, $"expansion weighs {chinese.Weight}");
    }

    [Theory]
    [InlineData("my wife lost her phone, how do we secure the account", "挂失")]
    [InlineData("how long does the video check take when opening online", "视频见证")]
    [InlineData("what are the requirements to trade on the STAR board", "科创板")]
    public void English_everyday_words_find_the_firms_chinese_faqs(string question, string chinese)
    {
        Assert.Contains(chinese, Added(question));
    }

    [Fact]
    public void English_terms_match_on_their_stems()
    {
        // "penalties" and "penalty" share a stem, so either finds the Chinese term.
        Assert.Contains("罚款", Added("what are the penalties"));
    }

    [Theory]
    [InlineData("坐庄违法吗", "禁止")]
    [InlineData("传谣扰乱市场 罚多少", "法律责任")]
    [InlineData("财务造假 股民亏了 能告谁", "承担赔偿责任")]
    public void Legal_questions_add_the_statutes_wording_and_prefer_compliance_documents(string question, string statute)
    {
        var expansion = Shipped.Expand(question);

        Assert.Contains(statute, expansion.Texts.Select(t => t.Text));
        Assert.Contains(DocumentType.Compliance, expansion.PreferredTypes);
        Assert.All(expansion.Texts.Where(t => t.Text == statute), t => Assert.True(t.Weight < 1, "below the question's own words"));
    }

    [Fact]
    public void Asking_for_the_legal_basis_searches_the_statutes_title()
    {
        // Every article of a statute carries the statute's title, so this lifts articles over the firm's summaries.
        Assert.Contains("中华人民共和国", Added("代客理财 法律上有什么规定"));
    }

    [Theory]
    [InlineData("营业部经理为了冲佣金让客户天天换股", "为牟取佣金收入，诱使客户进行不必要的证券买卖")]
    [InlineData("有人挂大单吸引散户进场后立刻撤掉", "不以成交为目的，频繁或者大量申报并撤销申报")]
    [InlineData("博主提前建仓再发视频推荐", "公开作出评价、预测或者投资建议，并进行反向证券交易")]
    [InlineData("用经营贷的钱买股票行不行", "资金违规流入股市")]
    [InlineData("券商资金链紧张想周转客户的保证金", "客户的交易结算资金")]
    [InlineData("期货居间人跟客户约好利润分成", "约定分享利益、共担风险")]
    [InlineData("重组消息没公告之前能不能告诉亲戚", "尚未公开的信息")]
    [InlineData("基金海报上写预期年化6%", "对证券投资业绩进行预测")]
    public void Situations_in_the_trades_words_add_the_articles_concept(string question, string statute)
    {
        Assert.Contains(statute, Added(question));
        Assert.Contains("statute-situations", Shipped.GroupsMatched(question));
    }

    [Theory]
    [InlineData("内募交易怎么处罚", "内幕")]
    [InlineData("网上开护要多久", "开户")]
    [InlineData("证卷公司的佣进怎么算", "证券")]
    public void Common_input_slips_add_the_word_meant(string question, string meant)
    {
        Assert.Contains(meant, Added(question));
        Assert.Contains("typos", Shipped.GroupsMatched(question));
    }

    [Fact]
    public void A_question_about_a_topic_prefers_no_type()
    {
        Assert.Empty(Shipped.Expand("融资融券的利率是多少").PreferredTypes);
    }

    [Theory]
    [InlineData("半导体ETF的管理费", "ES4002")]
    [InlineData("美元货基赎回几天到账", "ES1003")]
    [InlineData("客户问天天宝的七日年化", "ES1001")]
    public void Product_names_match_their_code_exactly(string question, string code)
    {
        Assert.Contains(code, Shipped.Expand(question).ProductCodes);
        Assert.Contains("products", Shipped.GroupsMatched(question));
    }

    [Theory]
    [InlineData("ES4002 风险等级", "ES4002")]
    [InlineData("es2001 业绩比较基准", "ES2001")]
    [InlineData("510300和159919哪个好", "510300")]
    [InlineData("510300和159919哪个好", "159919")]
    public void Codes_written_in_a_question_are_matched_exactly(string question, string code)
    {
        Assert.Contains(code, Shipped.Expand(question).ProductCodes);
    }

    [Theory]
    [InlineData("电话13800138000")]
    [InlineData("ES40021")]
    [InlineData("2026年的数据")]
    public void Longer_numbers_and_words_are_not_codes(string question)
    {
        Assert.Empty(Shipped.Expand(question).ProductCodes);
    }

    [Fact]
    public void Every_product_code_in_the_dictionary_is_a_product_in_knowledge()
    {
        var frontMatterCodes = Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "knowledge"), "*.md")
            .SelectMany(file => File.ReadLines(file).Where(line => line.StartsWith("productCodes:", StringComparison.Ordinal)))
            .SelectMany(line => line["productCodes:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet();
        var dictionaryCodes = Regex.Matches(File.ReadAllText(Path.Combine(Folder, "products.json")), "\"code\":\\s*\"([A-Z0-9]+)\"")
            .Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(dictionaryCodes);
        Assert.All(dictionaryCodes, code => Assert.Contains(code, frontMatterCodes));
        Assert.All(frontMatterCodes, code => Assert.Contains(code, dictionaryCodes));
    }

    [Fact]
    public void A_question_without_dictionary_words_is_left_as_it_is()
    {
        Assert.True(Shipped.Expand("今天天气不错").IsEmpty);
    }
}
