namespace Copilot.Campaigns;

/// <summary>Drafts for many of one advisor's clients at once: one scenario, one channel, one item per client.</summary>
public sealed class Campaign
{
    public required string Id { get; set; }
    public required string AdvisorId { get; set; }
    public required string ScenarioKind { get; set; }
    public required string ScenarioCode { get; set; }
    public string? ScenarioNotes { get; set; }
    public required string Channel { get; set; }
    /// <summary>Which request field chose the clients (clientIds, segment, leadKind) and its value, as JSON.</summary>
    public required string AudienceJson { get; set; }
    public CampaignStatus Status { get; set; }
    public int Total { get; set; }
    /// <summary>The key or person that started it: the creator of its drafts, so they may not approve them.</summary>
    public required string CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>When the last item reached a final state, or the campaign was cancelled.</summary>
    public DateTime? FinishedAtUtc { get; set; }
}

/// <summary>Running until every client is drafted, failed or cancelled.</summary>
public enum CampaignStatus { Running, Completed, Cancelled }

/// <summary>
/// One client of a campaign. The key (campaign, client) makes the client part of the campaign once; the unique
/// (CampaignId, ClientId) index on drafts makes it drafted at most once, whichever host or retry gets there first.
/// </summary>
public sealed class CampaignItem
{
    public required string CampaignId { get; set; }
    public required string ClientId { get; set; }
    public CampaignItemStatus Status { get; set; }
    /// <summary>A drafting job exists for it (set by the dispatcher; items without one are dispatched on resume).</summary>
    public bool Dispatched { get; set; }
    public int Attempts { get; set; }
    /// <summary>When a worker claimed it; a claim older than the lease belongs to a host that died and may be taken over.</summary>
    public DateTime? ClaimedAtUtc { get; set; }
    public string? DraftId { get; set; }
    public bool Flagged { get; set; }
    public string? Verdict { get; set; }
    /// <summary>Why it failed, or why the last attempt did when it waits for a retry; never client data.</summary>
    public string? Error { get; set; }
    /// <summary>The service's own time for the draft (model calls included), for the ETA and the figures.</summary>
    public int? DurationMs { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
}

/// <summary>Queued → Drafting → Drafted | Failed; Queued → Cancelled.</summary>
public enum CampaignItemStatus { Queued, Drafting, Drafted, Failed, Cancelled }
