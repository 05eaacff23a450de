using System.Text.Json;

namespace Copilot.Clients.Tags;

/// <summary>Reads knowledge/tags/*.json and fails loudly, naming the file, the tag and the JSON path, on anything it cannot use.</summary>
public static class TagRuleLoader
{
    public const int Schema = 1;

    private sealed class TagFile
    {
        public int Schema { get; set; }
        public string? Description { get; set; }
        public List<TagDefinition>? Tags { get; set; }
    }

    private sealed class TagDefinition
    {
        public string? Id { get; set; }
        public string? Description { get; set; }
        public Dictionary<string, string>? Title { get; set; }
        public Dictionary<string, string>? Reason { get; set; }
        public ConditionNode? When { get; set; }
        public List<string>? Values { get; set; }
    }

    /// <param name="parameters">What "@name" values and {name} placeholders stand for, e.g. serviceThreshold.</param>
    public static TagRuleSet Load(string folder, IReadOnlyDictionary<string, double> parameters)
    {
        if (!Directory.Exists(folder)) throw new TagRulesException($"The tag rules folder '{folder}' does not exist.");
        var files = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new TagRulesException($"The tag rules folder '{folder}' holds no *.json files.");
        var rules = new List<TagRule>();
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(folder, file);
            TagFile? document;
            try
            {
                document = JsonSerializer.Deserialize<TagFile>(File.ReadAllBytes(file), ClientCondition.Json);
            }
            catch (JsonException e)
            {
                throw new TagRulesException($"{name}: not a valid tag rule file: {e.Message}", e);
            }
            if (document is null) throw new TagRulesException($"{name}: the file is empty.");
            if (document.Schema != Schema) throw new TagRulesException($"{name}: schema must be {Schema}, not {document.Schema}.");
            foreach (var (definition, i) in (document.Tags ?? []).Select((d, i) => (d, i)))
            {
                var rule = Compile(definition, name, $"tags[{i}]", parameters);
                if (rules.Any(r => r.Id == rule.Id)) throw new TagRulesException($"{name}: tag id '{rule.Id}' is defined twice.");
                rules.Add(rule);
            }
        }
        if (rules.Count == 0) throw new TagRulesException($"The tag rules folder '{folder}' defines no tags.");
        return new TagRuleSet(rules);
    }

    private static TagRule Compile(TagDefinition d, string file, string at, IReadOnlyDictionary<string, double> parameters)
    {
        var label = d.Id is { Length: > 0 } ? $"{file}: tag '{d.Id}'" : $"{file}: {at}";
        Exception Fail(string path, string reason) => new TagRulesException($"{label}: {path}: {reason}");
        if (d.Id is not { Length: > 0 } id || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            throw Fail("id", "An id of lower-case letters, digits and _ is required.");
        foreach (var (field, texts) in new[] { ("title", d.Title), ("reason", d.Reason) })
            foreach (var language in new[] { "zh", "en" })
                if (texts?.GetValueOrDefault(language) is not { Length: > 0 })
                    throw Fail($"{field}.{language}", "Give the text in Chinese (zh) and English (en).");
        var condition = ClientCondition.Compile(d.When, "when", knownTag: null, parameters, Fail);
        var values = d.Values is null
            ? condition.Facts.ToList()
            : d.Values.Select((v, i) => ClientFacts.Find(v) ?? throw Fail($"values[{i}]", $"Unknown field '{v}'.")).Distinct().ToList();
        foreach (var language in new[] { "zh", "en" })
            foreach (var placeholder in TagRule.Placeholders(d.Reason![language]))
                if (!parameters.ContainsKey(placeholder) && values.All(v => v.Name != placeholder))
                    throw Fail($"reason.{language}", $"{{{placeholder}}} is neither one of the tag's values ({string.Join(", ", values.Select(v => v.Name))}) nor a parameter.");
        return new TagRule(id, d.Title!, d.Reason!, condition, values, parameters, file);
    }
}
