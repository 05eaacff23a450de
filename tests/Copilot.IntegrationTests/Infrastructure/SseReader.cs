using System.Text.Json.Nodes;

namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>Reads a Server-Sent Events response into (event, data) pairs, in order.</summary>
public static class SseReader
{
    public static async Task<IReadOnlyList<(string Event, string Data)>> ReadAllAsync(HttpResponseMessage response)
    {
        var events = new List<(string, string)>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string eventType = "message";
        var data = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0) events.Add((eventType, string.Join('\n', data)));
                eventType = "message";
                data.Clear();
            }
            else if (line.StartsWith("event:")) eventType = line[6..].Trim();
            else if (line.StartsWith("data:")) data.Add(line[5..].TrimStart());
        }
        if (data.Count > 0) events.Add((eventType, string.Join('\n', data)));
        return events;
    }

    public static JsonObject Json(this (string Event, string Data) item) => JsonNode.Parse(item.Data)!.AsObject();
}
