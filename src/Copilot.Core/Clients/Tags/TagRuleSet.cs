namespace Copilot.Clients.Tags;

/// <summary>The tag rules loaded from Clients:TagRulesFolder at start, in file order.</summary>
public sealed class TagRuleSet(IReadOnlyList<TagRule> rules)
{
    private readonly Dictionary<string, TagRule> _byId = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public IReadOnlyList<TagRule> Rules => rules;

    public TagRule? Find(string? id) => id is null ? null : _byId.GetValueOrDefault(id);

    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The tags the client holds, each with the values that set it.</summary>
    public IEnumerable<(TagRule Rule, Dictionary<string, object?> Values)> Evaluate(ClientFactSheet client) =>
        rules.Where(r => r.Condition.IsMet(client)).Select(r => (r, r.Read(client)));
}

/// <summary>A tag rule file the service cannot use; the message names the file and the rule.</summary>
public sealed class TagRulesException(string message, Exception? inner = null) : Exception(message, inner);
