using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;

namespace Copilot.Knowledge.Index.Lucene;

/// <summary>Overlapping Chinese character pairs: finds terms the word segmenter cut differently in question and text.</summary>
public sealed class CjkBigramAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(CopilotAnalyzer.Version, reader);
        TokenStream result = new CJKWidthFilter(source);
        result = new LowerCaseFilter(CopilotAnalyzer.Version, result);
        result = new CJKBigramFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
