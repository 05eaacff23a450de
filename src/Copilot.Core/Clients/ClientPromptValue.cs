using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Copilot.Clients;

/// <summary>
/// The portrait as the one value a prompt's client block holds: compact JSON of the known fields, with the contract's
/// field names, so the model reads the same names the CRM sends and a new field needs no prompt change. Only what says
/// something goes in: a null, a zero, a false, an empty text or list is left out (the model reads a missing field as
/// nothing to say, and a campaign of thousands pays for every token), and so are the fields that say nothing about how to
/// write to the client. The client's risk class stays whatever it is; a set lowest-class flag is true and so kept.
/// </summary>
public static class ClientPromptValue
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Chinese names stay readable (and cheap in tokens); the fence, not escaping, keeps the data in its place.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // The advisor and branch are the firm's bookkeeping; the id is a key, not a fact of the client; the channel and language
    // are the request's own lines of the prompt; consent was settled before anyone drafts (a campaign skips opted-out clients).
    private static readonly string[] NotForWriting = ["id", "advisorId", "branch", "preferredChannel", "language", "contactConsent"];

    /// <summary>
    /// The portrait for a message of <paramref name="scenarioCode"/>: the birthday month only for a birthday message (any
    /// other message that mentions it is one the client did not ask for), amounts to the whole yuan (a writer never quotes fen).
    /// </summary>
    public static string Render(ClientPortrait client, string? scenarioCode = null)
    {
        var value = (JsonObject)JsonSerializer.SerializeToNode(client with
        {
            TotalAssets = Yuan(client.TotalAssets), AssetChange30d = Yuan(client.AssetChange30d), Pnl30d = Yuan(client.Pnl30d), PnlYtd = Yuan(client.PnlYtd),
            BirthdayMonth = scenarioCode is null or "birthday" ? client.BirthdayMonth : null,
        }, Options)!;
        foreach (var field in NotForWriting) value.Remove(field);
        Prune(value);
        return value.ToJsonString(Options);
    }

    private static decimal? Yuan(decimal? amount) => amount is { } a ? Math.Round(a, MidpointRounding.AwayFromZero) : null;

    // Removes, depth first, every property and list item that carries nothing; an object or list emptied by it goes too.
    private static bool Prune(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject value:
                foreach (var (name, child) in value.ToList())
                    if (Prune(child)) value.Remove(name);
                return value.Count == 0;
            case JsonArray list:
                for (var i = list.Count - 1; i >= 0; i--)
                    if (Prune(list[i])) list.RemoveAt(i);
                return list.Count == 0;
            case JsonValue scalar:
                return scalar.GetValueKind() switch
                {
                    JsonValueKind.False => true,
                    JsonValueKind.String => string.IsNullOrWhiteSpace(scalar.GetValue<string>()),
                    JsonValueKind.Number => double.Parse(scalar.ToJsonString(), CultureInfo.InvariantCulture) == 0,
                    _ => false,
                };
            default:
                return true;
        }
    }
}
