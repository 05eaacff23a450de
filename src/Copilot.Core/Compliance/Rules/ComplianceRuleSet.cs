using Copilot.Compliance.Text;

namespace Copilot.Compliance.Rules;

/// <summary>Every rule and language profile from the rules folder, loaded and compiled once.</summary>
public sealed class ComplianceRuleSet
{
    private readonly IReadOnlyDictionary<string, LanguageProfile> _languages;
    private readonly Dictionary<string, ComplianceRule> _byId;

    internal ComplianceRuleSet(IReadOnlyList<ComplianceRule> rules, IReadOnlyDictionary<string, LanguageProfile> languages, string version)
    {
        Rules = rules;
        Version = version;
        _languages = languages;
        _byId = rules.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<ComplianceRule> Rules { get; }

    /// <summary>"rules:" and the first 16 hex digits of the SHA-256 of every rule file's name and bytes, computed once at load.</summary>
    public string Version { get; }

    /// <summary>The languages the rules can read ("zh", "en").</summary>
    public IReadOnlyCollection<string> Languages => _languages.Keys.ToList();

    /// <summary>Loads and validates every *.json under the folder.</summary>
    /// <exception cref="ComplianceRulesException">A file or rule is invalid; the message names it.</exception>
    public static ComplianceRuleSet Load(string folder) => ComplianceRuleLoader.Load(folder);

    public ComplianceRule? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The deterministic findings, in text order.</summary>
    /// <param name="language">"zh" or "en".</param>
    public IReadOnlyList<ComplianceFinding> Evaluate(string text, string language, ClientProfile? client, IReadOnlyList<ProductRef>? products)
    {
        var profile = _languages.TryGetValue(language, out var found) ? found
            : throw new ArgumentException($"No rules read language '{language}'.", nameof(language));
        var context = new CheckContext(new CheckedText(text, profile), client, products ?? []);
        return Rules.SelectMany(rule => rule.Evaluate(context))
            .OrderBy(f => f.Start).ThenBy(f => f.End).ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
    }
}
