using Copilot.Compliance.Text;

namespace Copilot.Compliance.Rules;

/// <summary>
/// One concept of the surveillance lexicon (certainty, guarantee, loss, personal payment …): its Chinese and English
/// terms and patterns compiled together, so a Chinese message quoting "guaranteed" and an English one saying 稳赚 are both read.
/// </summary>
internal sealed class Concept(string name, PhraseSet phrases, IReadOnlyList<string> terms, IReadOnlyList<string> patterns)
{
    public string Name { get; } = name;

    public PhraseSet Phrases { get; } = phrases;

    /// <summary>The raw terms of both languages, for groups that combine a concept with terms of their own.</summary>
    public IReadOnlyList<string> Terms { get; } = terms;

    public IReadOnlyList<string> Patterns { get; } = patterns;
}

/// <summary>Every concept defined under "concepts" in the rule files, by name; rules name them in proximity checks and unless groups.</summary>
internal sealed class ConceptLexicon
{
    private readonly Dictionary<string, Concept> _concepts = new(StringComparer.Ordinal);

    public IReadOnlyCollection<Concept> All => _concepts.Values;

    /// <exception cref="ComplianceRulesException">The concept is defined twice, lacks a language or a pattern does not compile.</exception>
    public void Add(string name, ConceptDefinition definition, string file)
    {
        var where = $"{file}: concept '{name}'";
        if (string.IsNullOrWhiteSpace(name)) throw new ComplianceRulesException($"{file}: a concept has no name.");
        if (_concepts.ContainsKey(name)) throw new ComplianceRulesException($"{where} is defined in more than one place.");
        foreach (var language in new[] { "zh", "en" })
        {
            var part = language == "zh" ? definition.Zh : definition.En;
            if (part is null || (part.Terms is not { Count: > 0 } && part.Patterns is not { Count: > 0 }))
                throw new ComplianceRulesException($"{where}: needs \"zh\" and \"en\" terms or patterns; every conduct concept is read in both languages.");
        }
        var terms = (definition.Zh!.Terms ?? []).Concat(definition.En!.Terms ?? []).ToList();
        var patterns = (definition.Zh.Patterns ?? []).Concat(definition.En.Patterns ?? []).ToList();
        try
        {
            _concepts.Add(name, new Concept(name, PhraseSet.Create(terms, patterns), terms, patterns));
        }
        catch (ArgumentException e)
        {
            throw new ComplianceRulesException($"{where}: a pattern does not compile: {e.Message}", e);
        }
    }

    /// <exception cref="ComplianceRulesException">No concept has that name.</exception>
    public Concept Get(string? name, string where) =>
        name is not null && _concepts.TryGetValue(name, out var concept) ? concept
            : throw new ComplianceRulesException($"{where}: unknown concept '{name}'; known concepts: {string.Join(", ", _concepts.Keys.Order(StringComparer.Ordinal))}.");
}
