namespace Copilot.Compliance;

/// <summary>A message to pre-check, with the client and products a suitability check needs.</summary>
/// <param name="Text">The message as the client would read it.</param>
/// <param name="Language">zh / zh-CN / en; detected from the text when omitted.</param>
/// <param name="Channel">wechat, sms or email.</param>
/// <param name="Client">The client's risk class and horizon; suitability checks are skipped without it.</param>
/// <param name="Products">The products the message is about.</param>
/// <param name="AdvisorId">Whose stored client <c>client.id</c> names (an advisor's key: its own).</param>
public sealed record ComplianceCheckRequest(
    string Text, string? Language = null, string? Channel = null, ClientProfile? Client = null, IReadOnlyList<ProductRef>? Products = null,
    string? AdvisorId = null);

/// <summary>The client as suitability rules see them.</summary>
/// <param name="RiskClass">C1 (conservative) to C5 (aggressive).</param>
/// <param name="HorizonMonths">How long the money can stay invested.</param>
/// <param name="LowestClass">True for the lowest risk-tolerance category (最低类别, a subset of C1): only R1, even on request.</param>
/// <param name="RiskAssessmentExpiry">When the client's risk assessment lapses (yyyy-MM-dd), if known.</param>
/// <param name="Id">A stored client of the advisor: /v1/compliance/check fills the rest from its portrait.</param>
public sealed record ClientProfile(string RiskClass, int? HorizonMonths = null, bool? LowestClass = null, DateOnly? RiskAssessmentExpiry = null, string? Id = null);

/// <summary>A product the message is about.</summary>
/// <param name="Code">The product code as it appears in the text, e.g. ES4001.</param>
/// <param name="RiskLevel">R1 (lowest) to R5 (highest).</param>
/// <param name="LockupMonths">Months the money cannot be redeemed, if any.</param>
public sealed record ProductRef(string Code, string RiskLevel, int? LockupMonths = null);

/// <summary>One problem in a message: which rule, how serious, why, and where (text[Start..End]; 0/0 when it has no span).</summary>
public sealed record ComplianceFinding(string RuleId, string Severity, string Message, int Start, int End, string Source);

/// <summary>The outcome of a pre-check: fail on any block finding, review on warnings only, pass otherwise.</summary>
/// <param name="RulesVersion">What judged it: the rule files' version, and "+judge:" the model when the LLM judge ran.</param>
public sealed record ComplianceResult(string Verdict, IReadOnlyList<ComplianceFinding> Findings, string? RulesVersion = null)
{
    public static ComplianceResult From(IReadOnlyList<ComplianceFinding> findings) => new(VerdictOf(findings), findings);

    public static string VerdictOf(IReadOnlyList<ComplianceFinding> findings) =>
        findings.Any(f => f.Severity == FindingSeverity.Block) ? ComplianceVerdict.Fail
        : findings.Count > 0 ? ComplianceVerdict.Review
        : ComplianceVerdict.Pass;
}

/// <summary>Verdict values.</summary>
public static class ComplianceVerdict
{
    public const string Pass = "pass";
    public const string Review = "review";
    public const string Fail = "fail";
}

/// <summary>Severity values: block stops a message, warn sends it to a reviewer's attention.</summary>
public static class FindingSeverity
{
    public const string Block = "block";
    public const string Warn = "warn";
}

/// <summary>Where a finding came from.</summary>
public static class FindingSource
{
    public const string Rule = "rule";
    public const string Llm = "llm";
}
