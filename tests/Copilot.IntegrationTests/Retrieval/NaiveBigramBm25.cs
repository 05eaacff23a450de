using System.Text;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Copilot.IntegrationTests.Retrieval;

/// <summary>
/// The naive baseline every retrieval figure is set beside: BM25 (k1 1.2, b 0.75) over overlapping character pairs of
/// Chinese text and lower-cased words of Latin letters and digits, over exactly the chunks the service indexed (read back
/// from its Lucene folder), each chunk's text with its title and section path. No dictionary, no weighting of fields,
/// no synonyms: what anyone would build in an afternoon.
/// </summary>
public sealed class NaiveBigramBm25
{
    private const double K1 = 1.2, B = 0.75;
    private readonly List<(string DocumentId, string Section, Dictionary<string, int> Terms, int Length)> _chunks = [];
    private readonly Dictionary<string, int> _documentFrequency = [];
    private readonly double _averageLength;

    private NaiveBigramBm25(IEnumerable<(string DocumentId, string Section, string Text)> chunks)
    {
        foreach (var (documentId, section, text) in chunks)
        {
            var terms = new Dictionary<string, int>();
            var length = 0;
            foreach (var term in Terms(text))
            {
                terms[term] = terms.GetValueOrDefault(term) + 1;
                length++;
            }
            foreach (var term in terms.Keys) _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            _chunks.Add((documentId, section, terms, length));
        }
        _averageLength = _chunks.Count == 0 ? 1 : _chunks.Average(c => (double)c.Length);
    }

    public int Chunks => _chunks.Count;

    /// <summary>Reads every chunk from a Lucene index folder the service wrote (stored fields only).</summary>
    public static NaiveBigramBm25 FromLuceneFolder(string folder)
    {
        using var directory = FSDirectory.Open(folder);
        using var reader = DirectoryReader.Open(directory);
        var chunks = new List<(string, string, string)>();
        var live = MultiFields.GetLiveDocs(reader);
        for (var i = 0; i < reader.MaxDoc; i++)
        {
            if (live is not null && !live.Get(i)) continue;
            var document = reader.Document(i);
            var title = JsonDocument.Parse(document.Get("metadata")).RootElement.TryGetProperty("title", out var t) ? t.GetString() : "";
            chunks.Add((document.Get("document_id"), document.Get("section"), $"{title}\n{document.Get("section")}\n{document.Get("text")}"));
        }
        return new NaiveBigramBm25(chunks);
    }

    public IReadOnlyList<(string DocumentId, string Section)> Search(string query, int top)
    {
        var queryTerms = Terms(query).Distinct().ToList();
        var n = _chunks.Count;
        return _chunks
            .Select(chunk =>
            {
                double score = 0;
                foreach (var term in queryTerms)
                {
                    if (!chunk.Terms.TryGetValue(term, out var tf)) continue;
                    var df = _documentFrequency[term];
                    var idf = Math.Log(1 + (n - df + 0.5) / (df + 0.5));
                    score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * chunk.Length / _averageLength));
                }
                return (chunk.DocumentId, chunk.Section, score);
            })
            .Where(c => c.score > 0)
            .OrderByDescending(c => c.score)
            .Take(top)
            .Select(c => (c.DocumentId, c.Section))
            .ToList();
    }

    /// <summary>Character pairs of each run of Chinese characters (a lone character as itself), words of letters and digits.</summary>
    public static IEnumerable<string> Terms(string text)
    {
        var run = new StringBuilder();
        var kind = 0; // 1 = CJK, 2 = Latin/digit
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            var k = IsCjk(c) ? 1 : char.IsLetterOrDigit(c) ? 2 : 0;
            if (k != kind && run.Length > 0)
            {
                foreach (var term in Flush(run.ToString(), kind)) yield return term;
                run.Clear();
            }
            kind = k;
            if (k != 0) run.Append(char.ToLowerInvariant(c));
        }
        if (run.Length > 0) foreach (var term in Flush(run.ToString(), kind)) yield return term;
    }

    private static IEnumerable<string> Flush(string run, int kind)
    {
        if (kind == 2 || run.Length == 1) { yield return run; yield break; }
        for (var i = 0; i + 1 < run.Length; i++) yield return run.Substring(i, 2);
    }

    private static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
