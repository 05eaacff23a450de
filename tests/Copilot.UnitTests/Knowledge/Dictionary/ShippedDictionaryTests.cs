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
            ["abbreviations", "cross-language", "legal-questions", "products", "trade-terms"],
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
