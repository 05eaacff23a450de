namespace Copilot.Outcomes;

/// <summary>The event kinds the CRM reports, as they appear in JSON and in the events table.</summary>
public static class OutcomeKinds
{
    public const string Sent = "sent";
    public const string Opened = "opened";
    public const string Replied = "replied";
    public const string LoggedIn = "logged_in";
    public const string Traded = "traded";
    public const string Deposited = "deposited";
    public const string Complaint = "complaint";

    public static IReadOnlyList<string> All { get; } = [Sent, Opened, Replied, LoggedIn, Traded, Deposited, Complaint];
}
