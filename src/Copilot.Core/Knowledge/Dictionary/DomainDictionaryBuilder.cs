using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Copilot.Knowledge.Dictionary;

/// <summary>Collects entries and compiles them into one Lucene <see cref="SynonymMap"/> whose outputs point back at them.</summary>
internal sealed class DomainDictionaryBuilder
{
    private readonly List<(string Input, DictionaryExpansion Expansion, string Where)> _entries = [];
    private readonly DictionaryMatchAnalyzer _tokens = new(null);
    private readonly Dictionary<string, DocumentType?> _prefers = new(StringComparer.OrdinalIgnoreCase);

    public void Prefer(string group, DocumentType? type) => _prefers[group] = type;

    public void Add(string group, string term, IEnumerable<string> means, float weight, string where)
    {
        foreach (var text in means)
            _entries.Add((term, new DictionaryExpansion(group, text, weight, ProductCode: null, _prefers.GetValueOrDefault(group)), where));
    }

    public void AddProduct(string group, string name, string code, float weight, string where) =>
        _entries.Add((name, new DictionaryExpansion(group, name, weight, code, _prefers.GetValueOrDefault(group)), where));

    public DomainDictionary Build()
    {
        var expansions = new List<DictionaryExpansion>();
        var builder = new SynonymMap.Builder(dedup: true);
        foreach (var (input, expansion, where) in _entries)
        {
            var words = Tokens(input);
            if (words.Count == 0)
                throw new DomainDictionaryException($"{where}: '{input}' has no letters, digits or Chinese characters to match.");
            // The output is a key into the expansions, not text: SynonymFilter marks where an entry matched, the
            // dictionary decides what that adds.
            builder.Add(SynonymMap.Builder.Join(words.ToArray(), new CharsRef()), new CharsRef(Key(expansions.Count)), includeOrig: true);
            expansions.Add(expansion);
        }
        var groups = _entries.GroupBy(e => e.Expansion.Group).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        return new DomainDictionary(expansions.Count == 0 ? null : builder.Build(), expansions, groups);
    }

    internal static string Key(int index) => "\u0001" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        using var stream = _tokens.GetTokenStream("match", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }
}

/// <summary>What one matched dictionary term adds: a text to search as well, or the exact code of a product it names.</summary>
internal sealed record DictionaryExpansion(string Group, string Text, float Weight, string? ProductCode, DocumentType? Prefers);
