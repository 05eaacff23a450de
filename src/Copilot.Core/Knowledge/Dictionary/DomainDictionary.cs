using System.Globalization;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;

namespace Copilot.Knowledge.Dictionary;

/// <summary>
/// The trade's words for statutory terms, abbreviations, English↔Chinese terms and the firm's product names, kept as
/// data in knowledge/dictionary. A question is expanded at query time: every dictionary term found in it adds its
/// meanings at the entry's weight, and product names and codes add an exact match on the product code.
/// </summary>
public sealed partial class DomainDictionary
{
    private readonly SynonymMap? _map;
    private readonly IReadOnlyList<DictionaryExpansion> _expansions;
    private readonly DictionaryMatchAnalyzer _matcher;

    internal DomainDictionary(SynonymMap? map, IReadOnlyList<DictionaryExpansion> expansions, IReadOnlyDictionary<string, int> groups)
    {
        _map = map;
        _expansions = expansions;
        _matcher = new DictionaryMatchAnalyzer(map);
        Groups = groups;
    }

    /// <summary>No entries: questions are searched as they are, codes still matched exactly.</summary>
    public static readonly DomainDictionary Empty = new(null, [], new Dictionary<string, int>());

    /// <summary>Reads and validates every *.json file of the folder; throws <see cref="DomainDictionaryException"/> naming the file.</summary>
    public static DomainDictionary Load(string folder) => DomainDictionaryLoader.Load(folder);

    /// <summary>Entries per group (file), for start-up logs and tests.</summary>
    public IReadOnlyDictionary<string, int> Groups { get; }

    // A code standing alone in the question: ES4002, es4002, 510300 (not part of a longer number or word).
    [GeneratedRegex(@"(?<![A-Za-z0-9])([A-Za-z]{2}\d{4}|\d{6})(?![A-Za-z0-9])")]
    private static partial Regex CodeInText();

    /// <summary>Weight of a Chinese expansion of an English question: above its own words, whose idf is inflated because few documents are English (1.0 → 1.3 lifted set 2 English 70.0 → 76.7 %, 1.6 gave the same).</summary>
    internal const float TranslationWeight = 1.3f;

    public QueryExpansion Expand(string question)
    {
        var texts = new Dictionary<string, float>(StringComparer.OrdinalIgnoreCase);
        var codes = new List<string>();
        var prefers = new HashSet<DocumentType>();
        foreach (Match match in CodeInText().Matches(question))
            AddCode(codes, match.Value.ToUpperInvariant());
        var english = QuestionScript.IsLatin(question);
        foreach (var expansion in Matches(question))
        {
            if (expansion.Prefers is { } type) prefers.Add(type);
            if (expansion.ProductCode is { } code) AddCode(codes, code);
            else if (!question.Contains(expansion.Text, StringComparison.OrdinalIgnoreCase))
            {
                // An English question's Chinese expansion is its translation, not a looser synonym: it weighs what the
                // question's own words do, or the firm's few English documents win on English words alone.
                var weight = english && QuestionScript.HasCjk(expansion.Text) ? Math.Max(expansion.Weight, TranslationWeight) : expansion.Weight;
                texts[expansion.Text] = Math.Max(texts.GetValueOrDefault(expansion.Text), weight);
            }
        }
        return texts.Count == 0 && codes.Count == 0 && prefers.Count == 0
            ? QueryExpansion.None
            : new QueryExpansion(texts.Select(t => new WeightedText(t.Key, t.Value)).ToList(), codes) { PreferredTypes = prefers };
    }

    /// <summary>The groups whose entries a text contains, for tests of each group.</summary>
    public IReadOnlySet<string> GroupsMatched(string text) =>
        Matches(text).Select(e => e.Group).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private IEnumerable<DictionaryExpansion> Matches(string text)
    {
        if (_map is null) yield break;
        var found = new List<DictionaryExpansion>();
        using (var stream = _matcher.GetTokenStream("match", text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var type = stream.AddAttribute<ITypeAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (type.Type != SynonymFilter.TYPE_SYNONYM) continue;
                var key = term.ToString();
                if (key.Length > 1 && key[0] == '\u0001' && int.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    found.Add(_expansions[index]);
            }
            stream.End();
        }
        foreach (var expansion in found) yield return expansion;
    }

    private static void AddCode(List<string> codes, string code)
    {
        if (!codes.Contains(code)) codes.Add(code);
    }
}
