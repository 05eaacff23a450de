using System.Text.Json;
using Copilot.Chat;
using Copilot.Common;
using Copilot.Compliance;

namespace Copilot.Drafting;

/// <summary>A draft as the API shows it: its text, sources, pre-check findings, review state and what wrote it.</summary>
public sealed record DraftView(
    string Id, string AdvisorId, string ClientId, string Status, string Text, IReadOnlyList<Citation> Citations,
    IReadOnlyList<ComplianceFinding> Findings, string Verdict, bool Flagged, string Generator, int Revisions, int Version,
    string ScenarioKind, string ScenarioCode, string Channel, string? ReviewComment, DateTime CreatedAtUtc, DateTime UpdatedAtUtc,
    string? CreatedBy = null, string? RulesVersion = null, DraftOverride? Override = null, string? CampaignId = null)
{
    public static DraftView From(Draft draft) => new(
        draft.Id, draft.AdvisorId, draft.ClientId, StatusName(draft.Status), draft.Text,
        JsonSerializer.Deserialize<List<Citation>>(draft.CitationsJson, CopilotJson.Options)!,
        JsonSerializer.Deserialize<List<ComplianceFinding>>(draft.FindingsJson, CopilotJson.Options)!,
        draft.Verdict, draft.Flagged, draft.Generator, draft.Revisions, draft.Version, draft.ScenarioKind, draft.ScenarioCode,
        draft.Channel, draft.ReviewComment, draft.CreatedAtUtc, draft.UpdatedAtUtc, draft.CreatedBy, draft.RulesVersion,
        draft.OverrideReason is { } reason ? new DraftOverride(draft.ReviewerId, reason) : null, draft.CampaignId);

    /// <summary>The status as clients write it: PendingReview, Approved, Rejected, ChangesRequested, Sent.</summary>
    public static string StatusName(DraftStatus status) => status.ToString();
}

/// <summary>A reviewer approved the draft although its latest pre-check failed: who, and the reason they gave.</summary>
public sealed record DraftOverride(string? ReviewerId, string Reason);
