using System.ComponentModel;

namespace Copilot.Compliance.Judge;

/// <summary>What the judge model answers: the problems the rules did not already report.</summary>
public sealed record JudgeReply(
    [property: Description("Problems not already in the rule findings; an empty list when there are none.")] IReadOnlyList<JudgeFinding>? Findings);

/// <summary>One problem the judge found.</summary>
public sealed record JudgeFinding(
    [property: Description("The id of the rule broken, exactly as listed, e.g. CN-IA-01.")] string? RuleId,
    [property: Description("The offending words, copied exactly from the message.")] string? Quote,
    [property: Description("Why it breaks the rule, one sentence a compliance reviewer can read, in the message's language.")] string? Reason);
