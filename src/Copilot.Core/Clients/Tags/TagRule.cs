using System.Text.RegularExpressions;

namespace Copilot.Clients.Tags;

/// <summary>
/// One tag rule from knowledge/tags: when a client holds it, and the reason a person reads, filled from the values that set it
/// (and the rule's parameters, such as the service threshold).
/// </summary>
public sealed partial class TagRule(
    string id, IReadOnlyDictionary<string, string> title, IReadOnlyDictionary<string, string> reason, ClientCondition condition,
    IReadOnlyList<ClientFact> values, IReadOnlyDictionary<string, double> parameters, string file)
{
    public string Id => id;
    public string File => file;
    public ClientCondition Condition => condition;
    /// <summary>The facts recorded with the tag: what set it.</summary>
    public IReadOnlyList<ClientFact> Values => values;

    public string Title(string language) => title[Lang(language)];

    /// <summary>The reason with each {placeholder} replaced by the value as a person reads it.</summary>
    public string Reason(IReadOnlyDictionary<string, object?> recorded, string language) =>
        Placeholder().Replace(reason[Lang(language)], m =>
        {
            var name = m.Groups[1].Value;
            if (parameters.TryGetValue(name, out var p)) return ClientFacts.Format(FactKind.Amount, p, Lang(language));
            var fact = ClientFacts.Find(name)!;
            return ClientFacts.Format(fact.Kind, recorded.GetValueOrDefault(name), Lang(language));
        });

    /// <summary>The values that set the tag for this client.</summary>
    public Dictionary<string, object?> Read(ClientFactSheet client) => values.ToDictionary(f => f.Name, client.Fact);

    internal static IEnumerable<string> Placeholders(string template) => Placeholder().Matches(template).Select(m => m.Groups[1].Value);

    public static string Lang(string? language) => language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh";

    [GeneratedRegex(@"\{([A-Za-z0-9]+)\}")]
    private static partial Regex Placeholder();
}
