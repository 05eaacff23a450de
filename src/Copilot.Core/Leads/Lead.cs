namespace Copilot.Leads;

/// <summary>
/// A service lead: one client, one kind, ranked by <see cref="Score"/>, the sum of its <see cref="ScoreParts"/>; its reasons
/// are the tags that raised and strengthened it, in words and numbers.
/// </summary>
/// <param name="Id">Stable for the client and kind: dismissing, snoozing and marking done name it.</param>
/// <param name="Fingerprint">What the reasons say, without the day-by-day drift of "days since": a dismissed lead returns when it changes.</param>
/// <param name="ContactsLast7Days">How many messages the client was sent in the last 7 days (the contact cap counts them).</param>
public sealed record Lead(
    string Id, string AdvisorId, string ClientId, string ClientName, string Kind, string Title, double Score, IReadOnlyList<ScorePart> ScoreParts,
    IReadOnlyList<LeadReason> Reasons, LeadScenario Scenario, string Channel, IReadOnlyList<LeadContent> Content, string RiskClass,
    string Fingerprint, int ContactsLast7Days);

/// <summary>One addend of a lead's score and why it is there.</summary>
public sealed record ScorePart(string Name, double Points, string Because);

/// <summary>A tag behind a lead: its reason filled from the values that set it, and since when it has held.</summary>
public sealed record LeadReason(string Tag, string Title, string Text, IReadOnlyDictionary<string, object?> Values, DateOnly Since, bool Trigger);

/// <summary>The content matrix cell suggested for the lead (see POST /v1/drafts).</summary>
public sealed record LeadScenario(string Kind, string Code);

/// <summary>A client-audience document suitable for the client's risk class.</summary>
public sealed record LeadContent(string DocumentId, string Title, string Type, string? RiskLevel, IReadOnlyList<string> ProductCodes);

/// <summary>An advisor's leads, best first, and how many were held back and why.</summary>
/// <param name="Total">Leads shown before <c>top</c> cut them.</param>
public sealed record LeadList(string AdvisorId, DateOnly AsOf, int Total, IReadOnlyList<Lead> Items, LeadsWithheld Withheld, int ContactCapPer7Days);

/// <summary>Leads not shown: marketing to clients who opted out, clients at the contact cap, dismissed, done or snoozed.</summary>
public sealed record LeadsWithheld(int OptedOut, int ContactCap, int Dismissed, int Done, int Snoozed);
