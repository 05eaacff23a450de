using System.Text;
using Copilot.Knowledge.Index.Lucene;

namespace Copilot.Knowledge.Index.Qdrant;

/// <summary>
/// Turns text into the "lexical" sparse vector: one dimension per term of <see cref="CopilotAnalyzer"/>, so Qdrant
/// sees the same Chinese words and English stems as the Lucene index. The server's IDF modifier supplies the
/// inverse document frequency; this side supplies term frequency.
/// </summary>
internal sealed class SparseTermEncoder : IDisposable
{
    private const uint FnvOffsetBasis = 2166136261;
    private const uint FnvPrime = 16777619;

    private readonly CopilotAnalyzer _analyzer = new();

    /// <summary>
    /// A stored chunk: each term weighs 1 + ln(tf), sublinear like BM25's saturation so a repeated term cannot
    /// dominate. There is no length normalisation because the chunker already makes chunks of similar length.
    /// </summary>
    public (float[] Values, uint[] Indices) ForDocument(string text) =>
        Encode(_analyzer.Tokenize(text), count => 1f + MathF.Log(count));

    /// <summary>
    /// A query: each distinct term once, its weight from the collection's IDF. Only the first
    /// <paramref name="maxTerms"/> distinct terms count (the collection's statistics live on the server), so a pasted
    /// paragraph cannot grow the request or the server's work without bound. The domain dictionary's texts follow the
    /// question's own terms at their entry's weight, as in the Lucene query, and named product codes at full weight.
    /// </summary>
    public (float[] Values, uint[] Indices) ForQuery(string text, int maxTerms = KnowledgeOptions.DefaultMaxQueryTerms,
        Dictionary.QueryExpansion? expansion = null)
    {
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var term in _analyzer.Tokenize(text).Distinct().Take(maxTerms)) weights[term] = 1f;
        var added = (expansion?.ProductCodes ?? []).Select(code => (Text: code, Weight: 1f))
            .Concat((expansion?.Texts ?? []).Select(t => (t.Text, t.Weight)));
        foreach (var (extra, weight) in added)
        {
            foreach (var term in _analyzer.Tokenize(extra))
            {
                if (weights.ContainsKey(term)) continue;
                if (weights.Count >= maxTerms) break;
                weights[term] = weight;
            }
        }
        // Terms whose hashes collide share a dimension; it keeps the larger weight.
        var dimensions = new SortedDictionary<uint, float>();
        foreach (var (term, weight) in weights)
        {
            var index = TermIndex(term);
            dimensions[index] = Math.Max(dimensions.GetValueOrDefault(index), weight);
        }
        return (dimensions.Values.ToArray(), dimensions.Keys.ToArray());
    }

    /// <summary>
    /// The dimension of a term: 32-bit FNV-1a of its UTF-8 bytes. It must never change between processes or
    /// releases (string.GetHashCode does), or stored vectors stop matching queries.
    /// </summary>
    public static uint TermIndex(string term)
    {
        var hash = FnvOffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(term))
            hash = (hash ^ b) * FnvPrime;
        return hash;
    }

    private static (float[] Values, uint[] Indices) Encode(IEnumerable<string> terms, Func<int, float> weight)
    {
        // Terms whose hashes collide share a dimension; Qdrant requires each index at most once per vector.
        var counts = new SortedDictionary<uint, int>();
        foreach (var term in terms)
        {
            var index = TermIndex(term);
            counts[index] = counts.GetValueOrDefault(index) + 1;
        }
        return (counts.Values.Select(weight).ToArray(), counts.Keys.ToArray());
    }

    public void Dispose() => _analyzer.Dispose();
}
