using Copilot.Knowledge.Dictionary;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Copilot.Knowledge.Index.Lucene;

/// <summary>Builds BM25 queries over words and character pairs, weighted dictionary expansions and exact product codes, and the metadata filters around them.</summary>
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

    /// <summary>Product codes a query matches exactly at most; a question names one or two.</summary>
    internal const int MaxProductCodes = 8;

    // An exact product code is the strongest evidence a question can give of its document.
    private const float ProductCodeBoost = 2.0f;

    /// <summary>Clauses a query can have at most; kept under Lucene's limit by the bound on the term cap.</summary>
    public static int MaxClauses(int maxTerms) => maxTerms * Fields.Length + MaxProductCodes;

    /// <param name="reader">Supplies document frequencies, to keep the terms that matter of a question that has too many.</param>
    /// <param name="expansion">What the domain dictionary adds: texts searched at their weight, codes matched exactly.</param>
    public Query? Lexical(string text, IndexReader reader, QueryExpansion? expansion = null)
    {
        expansion ??= QueryExpansion.None;
        var wordTerms = Prune(Weighted(words.Tokenize(text), expansion, words.Tokenize), LuceneFields.Text, reader);
        var bigramTerms = Prune(Weighted(Tokenize(bigrams, text).ToList(), expansion, t => Tokenize(bigrams, t).ToList()),
            LuceneFields.TextBigrams, reader);
        var codes = expansion.ProductCodes.Take(MaxProductCodes).ToList();
        if (wordTerms.Count == 0 && bigramTerms.Count == 0 && codes.Count == 0) return null;

        var query = new BooleanQuery();
        foreach (var (field, boost, useBigrams) in Fields)
        {
            foreach (var (term, weight) in useBigrams ? bigramTerms : wordTerms)
                query.Add(new TermQuery(new Term(field, term)) { Boost = boost * weight }, Occur.SHOULD);
        }
        foreach (var code in codes)
            query.Add(new TermQuery(new Term(LuceneFields.ProductCode, code)) { Boost = ProductCodeBoost }, Occur.SHOULD);
        return query;
    }

    // The question's own terms weigh 1; a dictionary text's terms weigh the entry's weight, never lowering a term the
    // question itself has. Order is kept: the question's terms first, then the expansions'.
    private static List<(string Term, float Weight)> Weighted(
        IReadOnlyList<string> own, QueryExpansion expansion, Func<string, IReadOnlyList<string>> tokenize)
    {
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        var order = new List<string>();
        void Add(string term, float weight)
        {
            if (weights.TryGetValue(term, out var existing)) { weights[term] = Math.Max(existing, weight); return; }
            weights[term] = weight;
            order.Add(term);
        }
        foreach (var term in own) Add(term, 1f);
        foreach (var text in expansion.Texts)
            foreach (var term in tokenize(text.Text)) Add(term, text.Weight);
        return order.Select(term => (term, weights[term])).ToList();
    }

    // A long question keeps the terms that matter: by weight × BM25's idf, so rare topic words stay and words every
    // chunk has go first. Terms no chunk contains go last: they match nothing in the body. The kept terms stay in
    // order; a question within the cap keeps every term.
    private List<(string Term, float Weight)> Prune(List<(string Term, float Weight)> terms, string field, IndexReader reader)
    {
        if (terms.Count <= maxTerms) return terms;
        var documents = Math.Max(reader.NumDocs, 1);
        return terms
            .Select((t, order) => (t, order, frequency: reader.DocFreq(new Term(field, t.Term))))
            .OrderBy(x => x.frequency == 0 ? 1 : 0)
            .ThenByDescending(x => x.t.Weight * Math.Log(1 + (documents - x.frequency + 0.5) / (x.frequency + 0.5)))
            .ThenBy(x => x.order)
            .Take(maxTerms)
            .OrderBy(x => x.order)
            .Select(x => x.t)
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
