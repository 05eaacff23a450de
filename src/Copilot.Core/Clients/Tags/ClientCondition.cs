using System.Text.Json;
using System.Text.Json.Serialization;

namespace Copilot.Clients.Tags;

/// <summary>
/// A condition as JSON, the same for tag rules and segments: <c>{ "all": [..] }</c>, <c>{ "any": [..] }</c>,
/// <c>{ "not": {..} }</c>, a comparison <c>{ "field": "cashRatio", "op": "&gt;=", "value": 0.5 }</c>, or (segments only)
/// <c>{ "tag": "dormant" }</c>. A value may name a parameter, <c>"@serviceThreshold"</c>.
/// </summary>
public sealed class ConditionNode
{
    public List<ConditionNode>? All { get; set; }
    public List<ConditionNode>? Any { get; set; }
    public ConditionNode? Not { get; set; }
    public string? Tag { get; set; }
    public string? Field { get; set; }
    public string? Op { get; set; }
    public JsonElement? Value { get; set; }
}

/// <summary>What a condition is asked about one client: its facts as of a day, and the tags it holds.</summary>
public interface IClientFactSource
{
    object? Fact(ClientFact fact);
    bool HasTag(string tagId);
}

/// <summary>A compiled condition; the facts it reads, so a tag can say which values set it.</summary>
public sealed class ClientCondition
{
    private static readonly string[] Ops = ["<", "<=", ">", ">=", "==", "!="];

    private readonly Func<IClientFactSource, bool> _test;

    private ClientCondition(Func<IClientFactSource, bool> test, IReadOnlyList<ClientFact> facts, IReadOnlyList<string> tags)
    {
        _test = test;
        Facts = facts;
        Tags = tags;
    }

    public IReadOnlyList<ClientFact> Facts { get; }
    public IReadOnlyList<string> Tags { get; }

    public bool IsMet(IClientFactSource client) => _test(client);

    /// <param name="path">The JSON path of <paramref name="node"/>, for errors: "when", "definition".</param>
    /// <param name="knownTag">Whether a tag id exists; null when conditions may not name tags (tag rules).</param>
    /// <param name="parameters">What "@name" values stand for.</param>
    /// <param name="fail">Makes the exception for a problem at a JSON path.</param>
    public static ClientCondition Compile(
        ConditionNode? node, string path, Func<string, bool>? knownTag, IReadOnlyDictionary<string, double> parameters, Func<string, string, Exception> fail)
    {
        var facts = new List<ClientFact>();
        var tags = new List<string>();
        var test = Build(node, path, 0);
        return new ClientCondition(test, facts.Distinct().ToList(), tags.Distinct().ToList());

        Func<IClientFactSource, bool> Build(ConditionNode? n, string at, int depth)
        {
            if (n is null) throw fail(at, "A condition is required.");
            if (depth > 8) throw fail(at, "Conditions nest at most 8 deep.");
            var forms = new[] { n.All is not null, n.Any is not null, n.Not is not null, n.Tag is not null, n.Field is not null }.Count(x => x);
            if (forms != 1) throw fail(at, "Give exactly one of all, any, not, tag or field.");
            if (n.All is { } all) return Group(all, at + ".all", depth, every: true);
            if (n.Any is { } any) return Group(any, at + ".any", depth, every: false);
            if (n.Not is { } not)
            {
                var inner = Build(not, at + ".not", depth + 1);
                return c => !inner(c);
            }
            if (n.Tag is { } tag)
            {
                if (knownTag is null) throw fail(at + ".tag", "A tag rule cannot depend on other tags; compare fields.");
                if (!knownTag(tag)) throw fail(at + ".tag", $"Unknown tag '{tag}'; GET /v1/tags lists them.");
                if (n.Op is not null || n.Value is not null) throw fail(at, "A tag condition takes no op or value.");
                tags.Add(tag);
                return c => c.HasTag(tag);
            }
            return Comparison(n, at);
        }

        Func<IClientFactSource, bool> Group(List<ConditionNode> items, string at, int depth, bool every)
        {
            if (items.Count is 0 or > 50) throw fail(at, "Give 1 to 50 conditions.");
            var parts = items.Select((item, i) => Build(item, $"{at}[{i}]", depth + 1)).ToArray();
            return every ? c => parts.All(p => p(c)) : c => parts.Any(p => p(c));
        }

        Func<IClientFactSource, bool> Comparison(ConditionNode n, string at)
        {
            var fact = ClientFacts.Find(n.Field) ?? throw fail(at + ".field", $"Unknown field '{n.Field}'. Known: {string.Join(", ", ClientFacts.All.Select(f => f.Name))}.");
            if (n.Op is not { } op || !Ops.Contains(op)) throw fail(at + ".op", $"Use one of {string.Join(" ", Ops)}.");
            if (n.Value is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) throw fail(at + ".value", "A value is required.");
            facts.Add(fact);
            if (!fact.IsNumeric)
            {
                if (op is not ("==" or "!=")) throw fail(at + ".op", $"'{fact.Name}' is compared with == or != only.");
                object expected = fact.Kind == FactKind.Bool
                    ? value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw fail(at + ".value", $"'{fact.Name}' is true or false.")
                    : value.ValueKind == JsonValueKind.String ? value.GetString()! : throw fail(at + ".value", $"'{fact.Name}' is text.");
                var equal = op == "==";
                return c => c.Fact(fact) is { } actual && (actual.Equals(expected) || actual is string s && expected is string e && string.Equals(s, e, StringComparison.OrdinalIgnoreCase)) == equal;
            }
            double number;
            if (value.ValueKind == JsonValueKind.Number) number = value.GetDouble();
            else if (value.ValueKind == JsonValueKind.String && value.GetString() is ['@', .. var name])
                number = parameters.TryGetValue(name, out var p) ? p : throw fail(at + ".value", $"Unknown parameter '@{name}'. Known: {string.Join(", ", parameters.Keys.Select(k => "@" + k))}.");
            else throw fail(at + ".value", $"'{fact.Name}' is a number.");
            Func<double, bool> compare = op switch
            {
                "<" => x => x < number, "<=" => x => x <= number, ">" => x => x > number,
                ">=" => x => x >= number, "==" => x => x == number, _ => x => x != number,
            };
            return c => c.Fact(fact) is double actual && compare(actual);
        }
    }

    /// <summary>The JSON options conditions are read with: unknown properties are refused, so a typo fails loudly.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}
