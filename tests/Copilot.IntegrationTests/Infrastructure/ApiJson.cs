using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>Small helpers to read the API's JSON without re-declaring its contracts.</summary>
public static class ApiJson
{
    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static async Task<JsonObject> PostJsonAsync(this HttpClient client, string url, object body, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonObject> GetObjectAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Asserts an RFC 7807 problem with the status that names the field.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, int status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.True(problem["errors"]?.AsObject().ContainsKey(field) == true, $"Problem does not name '{field}': {text}");
    }

    public static IReadOnlyList<JsonObject> Results(this JsonObject search) =>
        search["results"]!.AsArray().Select(r => r!.AsObject()).ToList();

    public static string Str(this JsonNode node, string property) => node[property]!.GetValue<string>();

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
