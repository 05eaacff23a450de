using Copilot.Common;
using Copilot.Compliance.Text;

namespace Copilot.Compliance.Rules;

/// <summary>Turns one rule definition into a rule with compiled matchers, or says exactly what is wrong with it.</summary>
internal static class RuleCompiler
{
    public const string TextKind = "text";
    public const string ProductAboveClientClass = "product-above-client-class";
    public const string LowestClassAboveR1 = "lowest-class-above-r1";
    public const string LockupBeyondHorizon = "lockup-beyond-horizon";
    public const string HighRiskWithoutSpecificRisks = "high-risk-without-specific-risks";

    public static readonly IReadOnlyList<string> Kinds = [TextKind, ProductAboveClientClass, LowestClassAboveR1, LockupBeyondHorizon, HighRiskWithoutSpecificRisks];

    public static ComplianceRule Compile(RuleDefinition definition, string file)
    {
        var id = definition.Id?.Trim();
        if (string.IsNullOrEmpty(id)) throw new ComplianceRulesException($"{file}: a rule has no id.");
        var where = $"{file}: rule '{id}'";
        if (string.IsNullOrWhiteSpace(definition.Source)) throw new ComplianceRulesException($"{where}: source (law and article) is required.");
        if (!ComplianceRuleLoader.IsSeverity(definition.Severity))
            throw new ComplianceRulesException($"{where}: severity must be \"block\" or \"warn\", not \"{definition.Severity}\".");
        if (definition.Languages is not { Count: > 0 } || definition.Languages.Any(l => !ComplianceRuleLoader.IsLanguage(l)))
            throw new ComplianceRulesException($"{where}: languages must list \"zh\" and/or \"en\".");
        if (!HasBothLanguages(definition.Message))
            throw new ComplianceRulesException($"{where}: message needs a reviewer-readable \"zh\" and \"en\" text.");
        if (definition.Match is not { Count: > 0 }) throw new ComplianceRulesException($"{where}: match must list at least one check.");

        var matchers = definition.Match.Select((m, i) =>
        {
            if (m.Message is not null && !HasBothLanguages(m.Message))
                throw new ComplianceRulesException($"{where}, match[{i}]: a check's own message needs \"zh\" and \"en\" text.");
            return new MatcherWithMessage(Matcher(m, $"{where}, match[{i}]"), m.Message);
        }).ToList();
        return new ComplianceRule(id, definition.Title?.Trim() ?? id, definition.Source.Trim(), definition.Severity!,
            definition.Languages.ToHashSet(StringComparer.Ordinal), new Dictionary<string, string>(definition.Message!), matchers);
    }

    private static bool HasBothLanguages(Dictionary<string, string>? message) =>
        message is not null && new[] { "zh", "en" }.All(l => message.TryGetValue(l, out var m) && !string.IsNullOrWhiteSpace(m));

    private static IRuleMatcher Matcher(MatcherDefinition m, string where)
    {
        switch (m.Kind)
        {
            case TextKind:
                var triggers = Phrases(m.Terms, m.Patterns, where);
                if (triggers.IsEmpty) throw new ComplianceRulesException($"{where}: a text check needs terms or patterns.");
                return new TextRuleMatcher(triggers, m.Negatable, FirstOnly(m, where), Groups(m.Unless, where), Phrases(m.PostCues, null, where), Allowed(m.Allow, where));
            case ProductAboveClientClass or LowestClassAboveR1 or LockupBeyondHorizon:
                if (m.Terms is { Count: > 0 } || m.Patterns is { Count: > 0 } || m.Unless is { Count: > 0 } || m.MinLevel is not null || m.Allow is not null)
                    throw new ComplianceRulesException($"{where}: kind \"{m.Kind}\" reads the client and products; it takes only declinedBy.");
                var declined = Phrases(m.DeclinedBy?.Terms, m.DeclinedBy?.Patterns, where);
                return m.Kind switch
                {
                    ProductAboveClientClass => new ProductAboveClientClassMatcher(declined),
                    LowestClassAboveR1 => new LowestClassAboveR1Matcher(declined),
                    _ => new LockupBeyondHorizonMatcher(declined),
                };
            case HighRiskWithoutSpecificRisks:
                var level = RiskLevels.Level(m.MinLevel) ?? 0;
                if (level == 0 || !m.MinLevel!.StartsWith('R')) throw new ComplianceRulesException($"{where}: minLevel must be R1..R5.");
                var pitch = Phrases(m.Terms, m.Patterns, where);
                if (pitch.IsEmpty) throw new ComplianceRulesException($"{where}: terms or patterns must say what a pitch looks like.");
                return new HighRiskWithoutSpecificRisksMatcher(level, Phrases(null, m.LevelPatterns, where), pitch, Groups(m.Unless, where));
            default:
                throw new ComplianceRulesException($"{where}: unknown check kind \"{m.Kind}\"; known kinds: {string.Join(", ", Kinds)}.");
        }
    }

    private static bool FirstOnly(MatcherDefinition m, string where) => m.Report switch
    {
        null => m.Unless is { Count: > 0 },
        "all" => false,
        "first" => true,
        _ => throw new ComplianceRulesException($"{where}: report must be \"first\" or \"all\", not \"{m.Report}\"."),
    };

    private static List<RequirementGroup> Groups(List<TermGroupDefinition>? groups, string where) =>
        (groups ?? []).Select((g, i) =>
        {
            var phrases = Phrases(g.Terms, g.Patterns, where);
            if (string.IsNullOrWhiteSpace(g.Name) || phrases.IsEmpty)
                throw new ComplianceRulesException($"{where}: unless[{i}] needs a name and terms or patterns.");
            return new RequirementGroup(g.Name, phrases);
        }).ToList();

    // Allowed phrases must cover a trigger whole, so example-securities.example.evil.com is not the firm's site.
    private static PhraseSet? Allowed(TermGroupDefinition? allow, string where)
    {
        if (allow is null) return null;
        var whole = (allow.Terms ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => System.Text.RegularExpressions.Regex.Escape(t))
            .Concat((allow.Patterns ?? []).Where(p => !string.IsNullOrWhiteSpace(p))).Select(p => $"^(?:{p})$").ToList();
        if (whole.Count == 0) throw new ComplianceRulesException($"{where}: allow needs terms or patterns.");
        return Phrases(null, whole, where);
    }

    private static PhraseSet Phrases(IEnumerable<string>? terms, IEnumerable<string>? patterns, string where)
    {
        try
        {
            return PhraseSet.Create(terms, patterns);
        }
        catch (ArgumentException e)
        {
            throw new ComplianceRulesException($"{where}: a pattern does not compile: {e.Message}", e);
        }
    }
}
