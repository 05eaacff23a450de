using Copilot.Knowledge.Index.Lucene;

namespace Copilot.UnitTests.Knowledge;

public sealed class CopilotAnalyzerTests
{
    private static readonly CopilotAnalyzer Analyzer = new();

    [Fact]
    public void A_chinese_phrase_is_segmented_into_several_words()
    {
        const string phrase = "投资者适当性管理";

        var terms = Analyzer.Tokenize(phrase);

        Assert.True(terms.Count >= 2, string.Join('|', terms));
        Assert.DoesNotContain(phrase, terms);
        Assert.Contains(terms, t => t.Length > 1);
        Assert.Contains("投资者", terms);
        Assert.Equal(phrase, string.Concat(terms));
    }

    [Fact]
    public void English_words_are_stemmed()
    {
        Assert.Equal(["guarante", "return"], Analyzer.Tokenize("guaranteed returns"));
        Assert.Equal(Analyzer.Tokenize("investing"), Analyzer.Tokenize("invest"));
    }

    [Fact]
    public void Chinese_question_filler_is_dropped()
    {
        var terms = Analyzer.Tokenize("请问这个产品的风险吗");

        Assert.DoesNotContain("的", terms);
        Assert.DoesNotContain("吗", terms);
        Assert.DoesNotContain("请问", terms);
        Assert.Contains("产品", terms);
        Assert.Contains("风险", terms);
    }

    [Fact]
    public void English_stop_words_are_dropped()
    {
        var terms = Analyzer.Tokenize("the fund is a good one");

        Assert.DoesNotContain("the", terms);
        Assert.DoesNotContain("is", terms);
        Assert.DoesNotContain("a", terms);
        Assert.Contains("fund", terms);
    }

    [Fact]
    public void Full_width_latin_letters_are_folded_to_lower_case_ascii()
    {
        Assert.Equal(Analyzer.Tokenize("etf"), Analyzer.Tokenize("ＥＴＦ"));
        Assert.Contains("etf", Analyzer.Tokenize("ＥＴＦ基金"));
    }

    [Fact]
    public void Punctuation_yields_no_terms()
    {
        Assert.Empty(Analyzer.Tokenize("，。！？、；：（）"));
    }
}
