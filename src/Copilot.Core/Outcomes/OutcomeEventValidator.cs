using System.Text.Json;
using Copilot.Common;

namespace Copilot.Outcomes;

/// <summary>
/// The checks one event passes on its own, before any record is read: each failure names the field (its JSON name) and
/// says why, never quoting the value.
/// </summary>
internal static class OutcomeEventValidator
{
    /// <summary>Reads one element of the body; a value of the wrong type rejects only this event, naming its field.</summary>
    public static (OutcomeEventRequest? Event, RejectedEvent? Rejection) Read(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object) return (null, new RejectedEvent(index, "event", "Each event is a JSON object."));
        try
        {
            return (element.Deserialize<OutcomeEventRequest>(CopilotJson.Options), null);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.") ? path[2..] : "event";
            return (null, new RejectedEvent(index, field, "The value has the wrong type or format (times are ISO 8601 with an offset, amounts numbers)."));
        }
    }

    public static RejectedEvent? Check(OutcomeEventRequest e, int index, DateTime now, OutcomeOptions options)
    {
        RejectedEvent Reject(string field, string reason) => new(index, field, reason);
        if (string.IsNullOrEmpty(e.Id) || e.Id.Length > 128 || e.Id.Any(c => c < 0x21 || c > 0x7e))
            return Reject("id", "Send the CRM's id for the event: 1–128 visible ASCII characters, the same on every retry.");
        if (string.IsNullOrWhiteSpace(e.ClientId) || e.ClientId.Length > 64) return Reject("clientId", "Name the client (up to 64 characters).");
        if (e.AdvisorId is { Length: 0 or > 64 }) return Reject("advisorId", "An advisor id has 1–64 characters.");
        if (e.Kind is null || !OutcomeKinds.All.Contains(e.Kind)) return Reject("kind", "Use one of: " + string.Join(", ", OutcomeKinds.All) + ".");
        if (e.At is not { } at) return Reject("at", "Say when it happened (ISO 8601 with an offset).");
        if (at.UtcDateTime > now.AddMinutes(options.MaxFutureMinutes)) return Reject("at", "The time is in the future.");
        if (at.Year < 2000) return Reject("at", "The time is before 2000.");
        if (e.DraftId is { Length: 0 or > 40 }) return Reject("draftId", "No such draft for this client.");
        return e.Kind switch
        {
            OutcomeKinds.Deposited when e.Amount is not ({ } a and > 0 and <= 1e12) => Reject("amount", "A deposit needs an amount in yuan above 0."),
            OutcomeKinds.Traded when e.Amount is { } t && t is < 0 or > 1e12 => Reject("amount", "A trade's amount is 0 or more yuan."),
            not (OutcomeKinds.Deposited or OutcomeKinds.Traded) when e.Amount is not null => Reject("amount", "Only deposited and traded events carry an amount."),
            _ => null,
        };
    }

    /// <summary>What makes two events with the same id the same event: every field as stored.</summary>
    public static string Fingerprint(string advisorId, OutcomeEventRequest e) =>
        Idempotency.IdempotencyStore.Fingerprint(new { advisorId, e.Id, e.ClientId, e.DraftId, e.Kind, at = e.At!.Value.UtcDateTime, e.Amount });
}
