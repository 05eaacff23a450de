namespace Copilot.Outcomes;

/// <summary>The levels the dashboard adds up over: an advisor's figures, a branch's (its advisors'), the firm's (its branches').</summary>
public enum DashboardLevel { Firm, Branch, Advisor }

/// <summary>
/// One level's figures for a window. Counts add up across levels (a firm's are the sum of its branches', a branch's of its
/// advisors'); the rates are recomputed from the summed counts, and the median review time is taken over the level's own drafts.
/// </summary>
public sealed record DashboardFigures
{
    /// <summary>Clients in the advisors' books now.</summary>
    public long Clients { get; init; }
    /// <summary>Distinct clients contacted (a sent event) in the window.</summary>
    public long ClientsServed { get; init; }
    public required DraftFigures Drafts { get; init; }
    /// <summary>Sent events in the window; one per draft at most.</summary>
    public long Contacts { get; init; }
    /// <summary>Contacts whose draft has an opened event.</summary>
    public long Opened { get; init; }
    /// <summary>Contacts whose draft has a replied event.</summary>
    public long Replied { get; init; }
    /// <summary>Distinct clients dormant at a contact in the window who traded within the follow-up days after it.</summary>
    public long Reactivated { get; init; }
    /// <summary>Yuan deposited within the follow-up days after a contact in the window; each deposit counted once.</summary>
    public double AssetsBroughtIn { get; init; }
    /// <summary>Distinct clients below the service threshold at a contact whose assets then plus deposits in the follow-up days reach it.</summary>
    public long Recalled { get; init; }
    public required ComplianceFigures Compliance { get; init; }
}

/// <summary>The drafts created in the window, by where they are now.</summary>
public sealed record DraftFigures(long Generated, long Approved, long Rejected, long ChangesRequested, long Pending, long Sent);

/// <summary>
/// The pre-check and review of the drafts created in the window. <c>Blocked</c>: the first pre-check failed (a block finding;
/// the automatic revision ran); <c>BlockRate</c> = Blocked / Generated; <c>Flagged</c>: failing still (after the revision or an
/// edit); review time runs from creation to compliance's first decision.
/// </summary>
public sealed record ComplianceFigures(long Blocked, double? BlockRate, long Flagged, long Reviewed, double? MedianReviewMinutes);

/// <summary>A part of the level: a branch of the firm, an advisor of a branch (or of the firm).</summary>
public sealed record DashboardRow(string Level, string? Id, string? Name, string? Branch, DashboardFigures Figures);

/// <summary>Contacts in the window grouped by one key (<c>by</c>: "scenario"; contacts without a draft under a null key).</summary>
public sealed record FunnelRow(string By, string? Key, long Sent, long Opened, long Replied, long Traded);

/// <summary>
/// One campaign's funnel over the window's contacts: its drafts' sent events and, of those, the opened, replied and traded
/// (within the follow-up days). <c>CampaignId</c> null: the contacts outside any campaign (single drafts, or no draft).
/// </summary>
public sealed record CampaignFunnelRow(
    string? CampaignId, string? AdvisorId, string? Scenario, string? Channel, DateTime? CreatedAtUtc, string? Status,
    long Sent, long Opened, long Replied, long Traded);

/// <summary>
/// GET /v1/dashboard: the level's totals, its rows (a firm's branches, a branch's advisors), every advisor in it (clients served
/// per advisor), and the funnels by scenario and by campaign. The window is [from, to] in UTC days; outcomes are credited up to the follow-up days after it.
/// </summary>
public sealed record DashboardResponse(
    string Level, string? Id, DateOnly From, DateOnly To, int FollowUpDays, int DormantDays, double ServiceThresholdYuan,
    DashboardFigures Totals, IReadOnlyList<DashboardRow> Rows, IReadOnlyList<DashboardRow> Advisors, IReadOnlyList<FunnelRow> Funnels,
    IReadOnlyList<CampaignFunnelRow> CampaignFunnels);
