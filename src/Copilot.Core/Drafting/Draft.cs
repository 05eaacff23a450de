namespace Copilot.Drafting;

/// <summary>A drafted client message and its review state.</summary>
public sealed class Draft
{
    public required string Id { get; set; }
    public required string AdvisorId { get; set; }
    public required string ClientId { get; set; }
    public required string ScenarioKind { get; set; }
    public required string ScenarioCode { get; set; }
    public required string Channel { get; set; }
    public required string Language { get; set; }
    /// <summary>The client's risk class and horizon when drafted, so edits are pre-checked against the same client.</summary>
    public required string ClientRiskClass { get; set; }
    public int? ClientHorizonMonths { get; set; }
    /// <summary>The client was in the lowest risk-tolerance category when drafted (only R1 products, on every re-check).</summary>
    public bool ClientLowestClass { get; set; }
    public DateOnly? ClientRiskAssessmentExpiry { get; set; }
    /// <summary>The products the message may mention, as JSON, for the same reason.</summary>
    public required string ProductsJson { get; set; }
    public DraftStatus Status { get; set; }
    /// <summary>The text that would be sent, footer included.</summary>
    public required string Text { get; set; }
    public required string CitationsJson { get; set; }
    public required string FindingsJson { get; set; }
    public required string Verdict { get; set; }
    public required string Generator { get; set; }
    /// <summary>How many automatic revisions ran after a failed pre-check.</summary>
    public int Revisions { get; set; }
    /// <summary>The pre-check still fails after revision: reviewers must look closely.</summary>
    public bool Flagged { get; set; }
    public string? ReviewComment { get; set; }
    public string? ReviewerId { get; set; }
    /// <summary>The key or person that created the draft (null on drafts from before it was recorded); they may not approve it.</summary>
    public string? CreatedBy { get; set; }
    /// <summary>The rules (and judge) that ran the latest pre-check of <see cref="Text"/>, as <c>ComplianceResult.RulesVersion</c>.</summary>
    public string? RulesVersion { get; set; }
    /// <summary>Why a reviewer approved the draft although its latest pre-check failed; null when no override was needed.</summary>
    public string? OverrideReason { get; set; }
    /// <summary>Optimistic concurrency: two reviewers deciding at once, exactly one wins.</summary>
    public int Version { get; set; }
    /// <summary>When compliance first decided on the draft (approve, reject or request changes); null while it waits.</summary>
    public DateTime? DecidedAtUtc { get; set; }
    /// <summary>Seconds from creation to that first decision: the review time the dashboard takes the median of, in the database.</summary>
    public double? ReviewSeconds { get; set; }
    /// <summary>The campaign that drafted it; null for a draft asked for one client. Outcomes count campaign funnels by it.</summary>
    public string? CampaignId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
