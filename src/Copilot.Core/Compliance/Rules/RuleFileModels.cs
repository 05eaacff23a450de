namespace Copilot.Compliance.Rules;

// The JSON shapes of knowledge/rules/*.json. Unknown properties are rejected at load, so a typo
// ("pattern" for "patterns") fails loudly instead of silently matching nothing.

/// <summary>One rule file: rules, language cues, or both.</summary>
internal sealed class RuleFileDocument
{
    public int Schema { get; set; }
    public string? Description { get; set; }
    public List<RuleDefinition>? Rules { get; set; }
    public Dictionary<string, LanguageDefinition>? Languages { get; set; }
    public Dictionary<string, ConceptDefinition>? Concepts { get; set; }
}

/// <summary>A concept of the lexicon in both languages.</summary>
internal sealed class ConceptDefinition
{
    public string? Description { get; set; }
    public ConceptLanguageDefinition? Zh { get; set; }
    public ConceptLanguageDefinition? En { get; set; }
}

internal sealed class ConceptLanguageDefinition
{
    public List<string>? Terms { get; set; }
    public List<string>? Patterns { get; set; }
}

internal sealed class RuleDefinition
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Source { get; set; }
    public string? Severity { get; set; }
    public List<string>? Languages { get; set; }
    public Dictionary<string, string>? Message { get; set; }
    public List<MatcherDefinition>? Match { get; set; }
}

internal sealed class MatcherDefinition
{
    public string? Kind { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, string>? Message { get; set; }
    public List<string>? Terms { get; set; }
    public List<string>? Patterns { get; set; }
    public bool Negatable { get; set; } = true;
    public string? Report { get; set; }
    public List<TermGroupDefinition>? Unless { get; set; }
    public List<string>? PostCues { get; set; }
    public TermGroupDefinition? Allow { get; set; }
    public TermGroupDefinition? DeclinedBy { get; set; }
    public string? MinLevel { get; set; }
    public List<string>? LevelPatterns { get; set; }
    public List<string>? All { get; set; }
    public List<string>? Concepts { get; set; }
    public Dictionary<string, int>? Within { get; set; }
    public string? Scope { get; set; }
}

internal sealed class TermGroupDefinition
{
    public string? Name { get; set; }
    public List<string>? Concepts { get; set; }
    public List<string>? Terms { get; set; }
    public List<string>? Patterns { get; set; }
}

internal sealed class LanguageDefinition
{
    public string? WindowUnit { get; set; }
    public int NegationWindow { get; set; }
    public List<string>? ClauseBreaks { get; set; }
    public List<string>? SentenceBreaks { get; set; }
    public List<string>? ContrastCues { get; set; }
    public List<string>? NegationCues { get; set; }
    public List<string>? PseudoNegations { get; set; }
    public List<string>? PostNegationCues { get; set; }
    public List<string>? MentionCues { get; set; }
    public List<string>? Disclaimers { get; set; }
    public List<string>? DebunkCues { get; set; }
    public List<string>? AnswerNo { get; set; }
}
