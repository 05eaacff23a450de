using System.Text.Json;
using Copilot.Compliance.Text;

namespace Copilot.UnitTests.Compliance;

/// <summary>
/// How many labelled messages (all sets: the author's, the held-out and the blind development set) each trigger of the
/// rule files and each term or pattern of the concept lexicon occurs in, read from the files as they are written. A trigger
/// that occurs in exactly one message was written for that message: it should be generalised into a concept or dropped.
/// </summary>
internal static class TriggerCoverage
{
    /// <summary>One term or pattern, where it is written and the labelled messages it occurs in.</summary>
    public sealed record Trigger(string Where, string Kind, string Text, IReadOnlyList<string> Messages);

    public static IReadOnlyList<Trigger> Measure()
    {
        var messages = LabelledMessages.All.Concat(LabelledMessages.HeldOut).Concat(LabelledMessages.Blind)
            .Select(m => (m.Id, Text: NormalisedText.Create(m.Text).Text)).ToList();
        var triggers = new List<Trigger>();
        foreach (var file in Directory.EnumerateFiles(ComplianceTestRules.Folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var name = Path.GetFileName(file);
            if (root.TryGetProperty("concepts", out var concepts))
                foreach (var concept in concepts.EnumerateObject())
                    foreach (var language in new[] { "zh", "en" })
                        if (concept.Value.TryGetProperty(language, out var part))
                            Add(triggers, messages, $"{name} concept {concept.Name} ({language})", part);
            if (!root.TryGetProperty("rules", out var rules)) continue;
            foreach (var rule in rules.EnumerateArray())
            {
                var i = 0;
                foreach (var check in rule.GetProperty("match").EnumerateArray())
                {
                    if (check.GetProperty("kind").GetString() is "text" or "high-risk-without-specific-risks")
                        Add(triggers, messages, $"{name} {rule.GetProperty("id").GetString()} match[{i}]", check);
                    i++;
                }
            }
        }
        return triggers;
    }

    private static void Add(List<Trigger> triggers, List<(string Id, string Text)> messages, string where, JsonElement element)
    {
        foreach (var (property, kind) in new[] { ("terms", "term"), ("patterns", "pattern") })
        {
            if (!element.TryGetProperty(property, out var list)) continue;
            foreach (var value in list.EnumerateArray().Select(v => v.GetString()!))
            {
                var phrase = kind == "term" ? PhraseSet.Create([value], null) : PhraseSet.Create(null, [value]);
                var hits = messages.Where(m => phrase.IsMatch(m.Text, 0, m.Text.Length)).Select(m => m.Id).ToList();
                triggers.Add(new Trigger(where, kind, value, hits));
            }
        }
    }
}
