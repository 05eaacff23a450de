using System.Text;
using Copilot.Compliance.Text;

namespace Copilot.Compliance.Rules;

/// <summary>One rule from knowledge/rules: its id, legal source, severity, languages and reviewer-facing messages.</summary>
public sealed class ComplianceRule
{
    internal ComplianceRule(string id, string title, string source, string severity, IReadOnlySet<string> languages,
        IReadOnlyDictionary<string, string> messages, IReadOnlyList<MatcherWithMessage> matchers)
    {
        Id = id;
        Title = title;
        Source = source;
        Severity = severity;
        Languages = languages;
        Messages = messages;
        Matchers = matchers;
    }

    public string Id { get; }
    public string Title { get; }
    public string Source { get; }
    public string Severity { get; }
    public IReadOnlySet<string> Languages { get; }

    /// <summary>The message templates by language ("zh", "en").</summary>
    public IReadOnlyDictionary<string, string> Messages { get; }

    internal IReadOnlyList<MatcherWithMessage> Matchers { get; }

    /// <summary>The message in a language, with {match}, {product}, {riskLevel}, ... filled in.</summary>
    public string MessageFor(string language, IReadOnlyDictionary<string, string>? values = null) => Fill(Messages, language, values);

    private static string Fill(IReadOnlyDictionary<string, string> messages, string language, IReadOnlyDictionary<string, string>? values)
    {
        var template = messages.TryGetValue(language, out var text) ? text : messages["en"];
        if (values is null || values.Count == 0) return template;
        var message = new StringBuilder(template);
        foreach (var (key, value) in values) message.Replace("{" + key + "}", value);
        return message.ToString();
    }

    /// <summary>The rule's findings on a text; overlapping hits of the rule are reported once, product findings once per product.</summary>
    internal IEnumerable<ComplianceFinding> Evaluate(CheckContext context)
    {
        if (!Languages.Contains(context.Text.Language)) yield break;
        var reported = new List<TextSpan>();
        foreach (var (matcher, messages) in Matchers)
        {
            foreach (var hit in matcher.Match(context))
            {
                if (hit.Span.End > hit.Span.Start && reported.Any(r => r.Overlaps(hit.Span))) continue;
                reported.Add(hit.Span);
                var message = Fill(messages ?? Messages, context.Text.Language, hit.Values);
                var span = context.Text.ToOriginal(hit.Span);
                yield return new ComplianceFinding(Id, Severity, message, span.Start, span.End, FindingSource.Rule);
            }
        }
    }
}
