using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Copilot.Knowledge.Index.Lucene;

/// <summary>
/// Chinese words (SmartCn's HMM segmenter), English words stemmed (Porter), full-width forms folded,
/// punctuation and question filler dropped. Qdrant's sparse vectors use the same analyzer, so both
/// indexes see the same terms.
/// </summary>
public sealed class CopilotAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Words that carry no topic in an employee's question; BM25's IDF would discount them, this removes them.
    private static readonly string[] ChineseFiller =
        ["的", "了", "吗", "呢", "吧", "啊", "呀", "么", "嘛", "什么", "怎么", "怎样", "如何", "哪些", "哪个", "请问", "一下", "是", "有", "和", "与", "及", "或"];

    private static readonly CharArraySet StopWords = BuildStopWords();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new HMMChineseTokenizer(reader);
        TokenStream result = new CJKWidthFilter(source);
        result = new LowerCaseFilter(Version, result);
        result = new StopFilter(Version, result, StopWords);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    /// <summary>The terms this analyzer produces for a text, in order.</summary>
    public IReadOnlyList<string> Tokenize(string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    private static CharArraySet BuildStopWords()
    {
        var set = new CharArraySet(Version, 256, ignoreCase: true);
        set.UnionWith(SmartChineseAnalyzer.DefaultStopSet);
        set.UnionWith(StopAnalyzer.ENGLISH_STOP_WORDS_SET);
        set.UnionWith(ChineseFiller);
        return set.AsReadOnly();
    }
}
