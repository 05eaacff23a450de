using System.Text.Json.Serialization;

namespace Copilot.Outcomes;

/// <summary>One event from the CRM. <c>advisorId</c> is needed from the CRM's key when no draft names the advisor.</summary>
public sealed record OutcomeEventRequest
{
    public string? Id { get; init; }
    public string? AdvisorId { get; init; }
    public string? DraftId { get; init; }
    public string? ClientId { get; init; }
    public string? Kind { get; init; }
    public DateTimeOffset? At { get; init; }
    public double? Amount { get; init; }
}

/// <summary>What one POST /v1/events did with each event it received.</summary>
/// <param name="Stored">Events new to the service, now stored.</param>
/// <param name="Duplicates">Events whose id and body were already stored (a retry): nothing changed.</param>
/// <param name="RejectedEvents">Each rejected event by its index in the request (from 0), the field and why, never its values.</param>
public sealed record OutcomeEventsResponse(
    string Id, int Received, int Stored, int Duplicates, int Rejected, IReadOnlyList<RejectedEvent> RejectedEvents);

/// <summary>An event that was not stored: its index in the batch (0 for a single event), the field (its JSON name) and why.</summary>
/// <param name="Conflict">The id was already used by an event with another body.</param>
public sealed record RejectedEvent(int Index, string Field, string Reason, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Conflict = false);
