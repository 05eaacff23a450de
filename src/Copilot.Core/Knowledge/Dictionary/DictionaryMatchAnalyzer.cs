using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Copilot.Knowledge.Index.Lucene;

namespace Copilot.Knowledge.Dictionary;

/// <summary>
/// The tokens dictionary terms are matched on: single Chinese characters (StandardTokenizer emits each ideograph alone),
/// English words lower-cased and stemmed, codes such as ES4002 whole. Matching on characters rather than on SmartCn's
/// words means a term is found however the segmenter would cut the question around it (老鼠仓 stays 老鼠仓 whether
/// it is cut 老鼠|仓 or not). With a <see cref="SynonymMap"/>, Lucene's SynonymFilter marks every match.
/// </summary>
internal sealed class DictionaryMatchAnalyzer(SynonymMap? synonyms) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(CopilotAnalyzer.Version, reader);
        TokenStream result = new CJKWidthFilter(source);
        result = new LowerCaseFilter(CopilotAnalyzer.Version, result);
        result = new PorterStemFilter(result);
        if (synonyms is { Fst: not null })
            result = new SynonymFilter(result, synonyms, ignoreCase: true);
        return new TokenStreamComponents(source, result);
    }
}
