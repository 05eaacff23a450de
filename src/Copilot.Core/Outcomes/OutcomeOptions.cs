using System.ComponentModel.DataAnnotations;

namespace Copilot.Outcomes;

/// <summary>The Outcomes section: how events are taken in and how the dashboard credits them to contacts.</summary>
public sealed class OutcomeOptions
{
    public const string Section = "Outcomes";

    /// <summary>Events in one POST /v1/events.</summary>
    [Range(1, 10_000)] public int MaxEventsPerRequest { get; set; } = 1_000;

    /// <summary>A client with no login for this many days at contact was dormant (the dormant tag's rule).</summary>
    [Range(1, 3_650)] public int DormantDays { get; set; } = 90;

    /// <summary>Trades and deposits up to this many days after a contact are credited to it.</summary>
    [Range(1, 365)] public int FollowUpDays { get; set; } = 30;

    /// <summary>The service threshold (yuan): an account below it at contact that deposits back to it is recalled.</summary>
    [Range(0, 1e12)] public double ServiceThresholdYuan { get; set; } = 50_000;

    /// <summary>How far in the future an event's time may be (clock skew between the CRM and this service).</summary>
    [Range(0, 1_440)] public int MaxFutureMinutes { get; set; } = 10;

    /// <summary>The longest dashboard window, in days.</summary>
    [Range(1, 3_660)] public int MaxDashboardDays { get; set; } = 400;
}
