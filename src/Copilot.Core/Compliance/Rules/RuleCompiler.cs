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
    public const string NearKind = "near";

    // Beyond four concepts a "within N" reading stops meaning one thought.
    private const int MaxConcepts = 4;

    public static readonly IReadOnlyList<string> Kinds = [TextKind, NearKind, ProductAboveClientClass, LowestClassAboveR1, LockupBeyondHorizon, HighRiskWithoutSpecificRisks];

    public static ComplianceRule Compile(RuleDefinition definition, string file, ConceptLexicon concepts)
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
            return new MatcherWithMessage(Matcher(m, $"{where}, match[{i}]", concepts), m.Message);
        }).ToList();
        return new ComplianceRule(id, definition.Title?.Trim() ?? id, definition.Source.Trim(), definition.Severity!,
            definition.Languages.ToHashSet(StringComparer.Ordinal), new Dictionary<string, string>(definition.Message!), matchers);
    }

    private static bool HasBothLanguages(Dictionary<string, string>? message) =>
        message is not null && new[] { "zh", "en" }.All(l => message.TryGetValue(l, out var m) && !string.IsNullOrWhiteSpace(m));

    private static IRuleMatcher Matcher(MatcherDefinition m, string where, ConceptLexicon concepts)
    {
        if (m.Kind != NearKind && (m.All is not null || m.Within is not null || m.Scope is not null))
            throw new ComplianceRulesException($"{where}: all, within and scope belong to kind \"near\".");
        if (m.Concepts is not null && m.Kind is not (TextKind or HighRiskWithoutSpecificRisks))
            throw new ComplianceRulesException($"{where}: concepts (any of them as triggers) belong to kinds \"{TextKind}\" and \"{HighRiskWithoutSpecificRisks}\"; \"near\" takes all.");
        switch (m.Kind)
        {
            case TextKind:
                var triggers = WithConcepts(m, where, concepts);
                if (triggers.IsEmpty) throw new ComplianceRulesException($"{where}: a text check needs terms or patterns.");
                return new TextRuleMatcher(triggers, m.Negatable, FirstOnly(m, where), Groups(m.Unless, where, concepts), Phrases(m.PostCues, null, where), Allowed(m.Allow, where));
            case NearKind:
                return Near(m, where, concepts);
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
                var pitch = WithConcepts(m, where, concepts);
                if (pitch.IsEmpty) throw new ComplianceRulesException($"{where}: terms or patterns must say what a pitch looks like.");
                return new HighRiskWithoutSpecificRisksMatcher(level, Phrases(null, m.LevelPatterns, where), pitch, Groups(m.Unless, where, concepts));
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

    // A text check's triggers: its own terms and patterns and those of every concept it names.
    private static PhraseSet WithConcepts(MatcherDefinition m, string where, ConceptLexicon concepts)
    {
        var named = (m.Concepts ?? []).Select(c => concepts.Get(c, where)).ToList();
        return Phrases((m.Terms ?? []).Concat(named.SelectMany(c => c.Terms)), (m.Patterns ?? []).Concat(named.SelectMany(c => c.Patterns)), where);
    }

    private static ProximityMatcher Near(MatcherDefinition m, string where, ConceptLexicon concepts)
    {
        if (m.All is not { Count: > 0 } || m.All.Count > MaxConcepts)
            throw new ComplianceRulesException($"{where}: kind \"near\" needs all: one to {MaxConcepts} concept names.");
        if (m.Terms is { Count: > 0 } || m.Patterns is { Count: > 0 } || m.Allow is not null || m.MinLevel is not null || m.DeclinedBy is not null)
            throw new ComplianceRulesException($"{where}: kind \"near\" reads its concepts; put terms and patterns in a concept.");
        var parts = m.All.Select(name => concepts.Get(name, where)).ToList();
        var within = new Dictionary<string, int>(StringComparer.Ordinal);
        if (parts.Count > 1)
            foreach (var language in new[] { "zh", "en" })
            {
                if (m.Within is null || !m.Within.TryGetValue(language, out var n) || n is < 0 or > 60)
                    throw new ComplianceRulesException($"{where}: within needs \"zh\" (characters) and \"en\" (words), each 0 to 60.");
                within[language] = n;
            }
        if (m.Within is not null && m.Within.Keys.Any(k => !ComplianceRuleLoader.IsLanguage(k)))
            throw new ComplianceRulesException($"{where}: within takes \"zh\" and \"en\" only.");
        var sentence = m.Scope switch
        {
            null or "clause" => false,
            "sentence" => true,
            _ => throw new ComplianceRulesException($"{where}: scope must be \"clause\" or \"sentence\", not \"{m.Scope}\"."),
        };
        return new ProximityMatcher(parts, within, sentence, m.Negatable, FirstOnly(m, where), Groups(m.Unless, where, concepts), Phrases(m.PostCues, null, where));
    }

    private static List<RequirementGroup> Groups(List<TermGroupDefinition>? groups, string where, ConceptLexicon concepts) =>
        (groups ?? []).Select((g, i) =>
        {
            var named = (g.Concepts ?? []).Select(c => concepts.Get(c, $"{where}, unless[{i}]")).ToList();
            var phrases = Phrases((g.Terms ?? []).Concat(named.SelectMany(c => c.Terms)), (g.Patterns ?? []).Concat(named.SelectMany(c => c.Patterns)), where);
            if (string.IsNullOrWhiteSpace(g.Name) || phrases.IsEmpty)
                throw new ComplianceRulesException($"{where}: unless[{i}] needs a name and terms, patterns or concepts.");
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
