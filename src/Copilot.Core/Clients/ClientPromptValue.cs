using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Copilot.Clients;

/// <summary>
/// The portrait as the one value a prompt's client block holds: compact JSON of the known fields, with the contract's
/// field names, so the model reads the same names the CRM sends and a new field needs no prompt change.
/// </summary>
public static class ClientPromptValue
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Chinese names stay readable (and cheap in tokens); the fence, not escaping, keeps the data in its place.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(ClientPortrait client) =>
        // The advisor and branch say nothing about how to write to the client.
        JsonSerializer.Serialize(client with { AdvisorId = null, Branch = null }, Options);
}
