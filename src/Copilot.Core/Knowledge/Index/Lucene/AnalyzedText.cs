using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using LuceneAnalyzer = Lucene.Net.Analysis.Analyzer;

namespace Copilot.Knowledge.Index.Lucene;

/// <summary>
/// A text's tokens as an analyzer produced them (term, position increment, offsets, and what its end reported),
/// captured once so the index writer replays them instead of analysing again. Why: analysis (SmartCn's HMM segmenter
/// above all) is most of ingestion; captured up front it runs on every core, outside the writer's lock, and a
/// document's title is analysed once rather than once per chunk. The index receives exactly the same tokens.
/// </summary>
internal sealed class AnalyzedText
{
    private readonly List<(string Term, int Increment, int Start, int End)> _tokens = [];
    private int _endIncrement;
    private int _endOffset;

    private AnalyzedText() { }

    public static AnalyzedText Of(LuceneAnalyzer analyzer, string field, string text)
    {
        var analyzed = new AnalyzedText();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            analyzed._tokens.Add((term.ToString(), increment.PositionIncrement, offset.StartOffset, offset.EndOffset));
        stream.End();
        analyzed._endIncrement = increment.PositionIncrement;
        analyzed._endOffset = offset.EndOffset;
        return analyzed;
    }

    /// <summary>A fresh stream over the captured tokens; one per field instance, as a writer consumes it once.</summary>
    public TokenStream Replay() => new ReplayedTokens(this);

    private sealed class ReplayedTokens : TokenStream
    {
        private readonly AnalyzedText _text;
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private readonly IOffsetAttribute _offset;
        private int _next;

        public ReplayedTokens(AnalyzedText text)
        {
            _text = text;
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_next >= _text._tokens.Count) return false;
            ClearAttributes();
            var (term, increment, start, end) = _text._tokens[_next++];
            _term.SetEmpty().Append(term);
            _increment.PositionIncrement = increment;
            _offset.SetOffset(start, end);
            return true;
        }

        public override void End()
        {
            base.End();
            _increment.PositionIncrement = _text._endIncrement;
            _offset.SetOffset(_text._endOffset, _text._endOffset);
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }
}
