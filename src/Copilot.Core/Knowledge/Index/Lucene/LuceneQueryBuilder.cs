using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Copilot.Knowledge.Index.Lucene;

/// <summary>Builds BM25 queries over words and character pairs, and the metadata filters around them.</summary>
/// <param name="maxTerms">
/// The most distinct words, and separately the most character pairs, a query keeps. Each becomes one clause per field
/// it is searched in, so a pasted paragraph would otherwise exceed Lucene's clause limit (TooManyClauses).
/// </param>
internal sealed class LuceneQueryBuilder(CopilotAnalyzer words, CjkBigramAnalyzer bigrams, int maxTerms)
{
    // Relative weights of where a term matched; titles and section headings name a chunk's topic.
    private static readonly (string Field, float Boost, bool Bigrams)[] Fields =
    [
        (LuceneFields.Text, 1.0f, false),
        (LuceneFields.TextBigrams, 0.6f, true),
        (LuceneFields.Section, 0.6f, false),
        (LuceneFields.Title, 0.8f, false),
        (LuceneFields.TitleBigrams, 0.4f, true),
    ];

    /// <summary>Clauses a query can have at most; kept under Lucene's limit by the bound on the term cap.</summary>
    public static int MaxClauses(int maxTerms) => maxTerms * Fields.Length;

    /// <param name="reader">Supplies document frequencies, to keep the rarest terms of a question that has too many.</param>
    public Query? Lexical(string text, IndexReader reader)
    {
        var wordTerms = Rarest(words.Tokenize(text).Distinct().ToList(), LuceneFields.Text, reader);
        var bigramTerms = Rarest(Tokenize(bigrams, text).Distinct().ToList(), LuceneFields.TextBigrams, reader);
        if (wordTerms.Count == 0 && bigramTerms.Count == 0) return null;

        var query = new BooleanQuery();
        foreach (var (field, boost, useBigrams) in Fields)
        {
            foreach (var term in useBigrams ? bigramTerms : wordTerms)
                query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
        }
        return query;
    }

    // Rare terms carry a question's topic (BM25 weighs them most); common ones add little but clauses. Terms no
    // chunk contains go last: they match nothing in the body. Short questions keep every term, in order.
    private List<string> Rarest(List<string> terms, string field, IndexReader reader)
    {
        if (terms.Count <= maxTerms) return terms;
        return terms
            .Select((term, order) => (term, order, frequency: reader.DocFreq(new Term(field, term))))
            .OrderBy(t => t.frequency == 0 ? int.MaxValue : t.frequency).ThenBy(t => t.order)
            .Take(maxTerms)
            .OrderBy(t => t.order)
            .Select(t => t.term)
            .ToList();
    }

    public static Query Filter(KnowledgeFilter filter)
    {
        var query = new BooleanQuery();
        if (filter.Type is { } type) query.Add(new TermQuery(new Term(LuceneFields.Type, type.ToString())), Occur.MUST);
        if (filter.Audience is { } audience) query.Add(new TermQuery(new Term(LuceneFields.Audience, audience.ToString())), Occur.MUST);
        if (filter.ProductCode is { } code) query.Add(new TermQuery(new Term(LuceneFields.ProductCode, code.ToUpperInvariant())), Occur.MUST);
        if (filter.DocumentId is { } id) query.Add(new TermQuery(new Term(LuceneFields.DocumentId, id)), Occur.MUST);
        if (filter.ValidOn is { } day)
            query.Add(NumericRangeQuery.NewInt32Range(LuceneFields.ValidUntil, LuceneFields.DayNumber(day), int.MaxValue, true, true), Occur.MUST);
        return query.Clauses.Count == 0 ? new MatchAllDocsQuery() : query;
    }

    private static IEnumerable<string> Tokenize(global::Lucene.Net.Analysis.Analyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream(LuceneFields.TextBigrams, text);
        var term = stream.AddAttribute<global::Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) yield return term.ToString();
        stream.End();
    }
}
