using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Copilot.Common;

/// <summary>The one JSON shape of the service: camelCase, enums as camelCase strings.</summary>
public static class CopilotJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Chinese stays readable in stored records and responses; nothing here is embedded in HTML.
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        return options;
    }
}
