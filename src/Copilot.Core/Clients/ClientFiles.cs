using System.Data;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Sylvan.Data.Csv;

namespace Copilot.Clients;

/// <summary>Writes portraits in the import contract's formats: CSV with a header row (Sylvan's writer) or JSON lines.</summary>
public static class ClientFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One portrait as a JSON object with the contract's field names (clientId, not id; no draft-only fields).</summary>
    public static JsonObject ToJson(ClientPortrait portrait)
    {
        var node = JsonSerializer.SerializeToNode(portrait with { LifecycleStage = null, Tags = null }, Json)!.AsObject();
        var result = new JsonObject();
        foreach (var field in ClientFields.All)
            if (node[field == "clientId" ? "id" : field] is { } value) result[field] = value.DeepClone();
        return result;
    }

    public static async Task WriteJsonLinesAsync(IEnumerable<ClientPortrait> portraits, TextWriter writer)
    {
        foreach (var portrait in portraits) await writer.WriteLineAsync(ToJson(portrait).ToJsonString(Json));
    }

    public static async Task WriteCsvAsync(IEnumerable<ClientPortrait> portraits, TextWriter writer)
    {
        using var table = new DataTable();
        foreach (var field in ClientFields.All) table.Columns.Add(field, typeof(string));
        foreach (var portrait in portraits)
        {
            var json = ToJson(portrait);
            table.Rows.Add(ClientFields.All.Select(f => (object?)Cell(json[f]) ?? DBNull.Value).ToArray());
        }
        await using var csv = CsvDataWriter.Create(writer);
        await csv.WriteAsync(table.CreateDataReader());
    }

    // Holdings are a JSON cell; everything else its plain text.
    private static string? Cell(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(Json),
    };
}
