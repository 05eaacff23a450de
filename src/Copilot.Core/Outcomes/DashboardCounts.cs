namespace Copilot.Outcomes;

/// <summary>The additive part of the figures, per advisor as the database grouped them, summed into branches and the firm.</summary>
internal sealed class DashboardCounts
{
    public long Clients, ClientsServed, Generated, Approved, Rejected, ChangesRequested, Pending, DraftsSent;
    public long Contacts, Opened, Replied, Reactivated, Recalled, Blocked, Flagged, Reviewed;
    public double AssetsBroughtIn;

    public static DashboardCounts Sum(IEnumerable<DashboardCounts> parts)
    {
        var total = new DashboardCounts();
        foreach (var p in parts)
        {
            total.Clients += p.Clients; total.ClientsServed += p.ClientsServed; total.Generated += p.Generated; total.Approved += p.Approved;
            total.Rejected += p.Rejected; total.ChangesRequested += p.ChangesRequested; total.Pending += p.Pending; total.DraftsSent += p.DraftsSent;
            total.Contacts += p.Contacts; total.Opened += p.Opened; total.Replied += p.Replied; total.Reactivated += p.Reactivated;
            total.Recalled += p.Recalled; total.Blocked += p.Blocked; total.Flagged += p.Flagged; total.Reviewed += p.Reviewed;
            total.AssetsBroughtIn += p.AssetsBroughtIn;
        }
        return total;
    }

    public DashboardFigures ToFigures(double? medianReviewSeconds) => new()
    {
        Clients = Clients, ClientsServed = ClientsServed,
        Drafts = new DraftFigures(Generated, Approved, Rejected, ChangesRequested, Pending, DraftsSent),
        Contacts = Contacts, Opened = Opened, Replied = Replied, Reactivated = Reactivated,
        AssetsBroughtIn = Math.Round(AssetsBroughtIn, 2), Recalled = Recalled,
        Compliance = new ComplianceFigures(Blocked, Generated == 0 ? null : Math.Round((double)Blocked / Generated, 4), Flagged, Reviewed,
            medianReviewSeconds is { } s ? Math.Round(s / 60, 2) : null),
    };
}
