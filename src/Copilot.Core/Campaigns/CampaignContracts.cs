using Copilot.Drafting;

namespace Copilot.Campaigns;

/// <summary>
/// Draft one scenario for many of an advisor's clients: an audience (exactly one of segment, leadKind, clientIds), the
/// scenario as in a single draft ({ kind, code, notes? }) and the channel. A dry run only estimates.
/// </summary>
public sealed record CampaignRequest(
    string? AdvisorId, string? Segment, string? LeadKind, IReadOnlyList<string>? ClientIds, DraftScenario? Scenario, string? Channel, bool? DryRun);

/// <summary>What a campaign will take: clients, model calls, prompt tokens and minutes at this host's concurrency.</summary>
public sealed record CampaignEstimate(int Clients, int ModelCalls, long PromptTokens, double Minutes);

/// <summary>A started campaign (its id) or, for a dry run, only the estimate (no id).</summary>
public sealed record CampaignAccepted(string? Id, CampaignEstimate Estimate, bool DryRun);

/// <summary>Why clients failed: the reason and how many, with a few of their ids.</summary>
public sealed record CampaignFailure(string Reason, int Clients, IReadOnlyList<string> ClientIds);

/// <summary>Model tokens the campaign's drafts used, as the model reported them.</summary>
public sealed record CampaignTokens(long Prompt, long Completion);

/// <summary>
/// A campaign's progress. Drafted = passed + flagged; retrying counts clients waiting for a retry after the model asked to
/// wait. Elapsed and ETA in seconds; the ETA is null until something was drafted or once the campaign is over.
/// </summary>
public sealed record CampaignProgress(
    string Id, string AdvisorId, string Status, string ScenarioKind, string ScenarioCode, string Channel,
    int Total, int Queued, int Drafting, int Drafted, int Passed, int Flagged, int Failed, int Cancelled, int Retrying,
    IReadOnlyList<CampaignFailure> Failures, CampaignTokens Tokens, double ElapsedSeconds, double? EtaSeconds,
    DateTime CreatedAtUtc, DateTime? FinishedAtUtc, string CreatedBy);
