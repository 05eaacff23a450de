using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Drafting;

/// <summary>Posts draft requests with an Idempotency-Key and drives the review workflow.</summary>
public static class DraftClient
{
    public static async Task<HttpResponseMessage> PostDraftAsync(this HttpClient client, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/drafts") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    public static async Task<JsonObject> CreateDraftAsync(this HttpClient client, object body)
    {
        var response = await client.PostDraftAsync(body, Guid.NewGuid().ToString("N"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static Task<HttpResponseMessage> ReviewAsync(this HttpClient client, string id, string decision, string? comment = null, string? editedText = null) =>
        client.PostAsJsonAsync($"/v1/drafts/{id}/review", new { reviewerId = "officer-1", decision, comment, editedText });

    public static IReadOnlyList<string> RuleIds(this JsonObject draft) =>
        draft["findings"]!.AsArray().Select(f => f!.Str("ruleId")).ToList();
}
