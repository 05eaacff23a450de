using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Copilot.Clients;

namespace Copilot.IntegrationTests.Clients;

/// <summary>Import bodies as a CRM sends them: generated portraits as CSV or JSON lines, raw or as a multipart file.</summary>
public static class ClientImports
{
    public static readonly DateOnly AsOf = new(2026, 12, 1);

    public static IReadOnlyList<ClientPortrait> Generated(int count, int seed, params string[] advisors) =>
        SyntheticClients.Generate(advisors, count, seed, AsOf).ToList();

    public static async Task<string> CsvAsync(IEnumerable<ClientPortrait> portraits)
    {
        var writer = new StringWriter();
        await ClientFiles.WriteCsvAsync(portraits, writer);
        return writer.ToString();
    }

    public static string JsonLines(params object[] rows) => string.Join('\n', rows.Select(r => r as string ?? System.Text.Json.JsonSerializer.Serialize(r)));

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string body, string contentType, string? idempotencyKey = null) =>
        client.ImportAsync(Encoding.UTF8.GetBytes(body), contentType, idempotencyKey);

    public static async Task<HttpResponseMessage> ImportAsync(this HttpClient client, byte[] body, string contentType, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/clients/import") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    public static async Task<JsonObject> ImportedAsync(this HttpClient client, string body, string contentType = "text/csv")
    {
        var response = await client.ImportAsync(body, contentType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static int Int(this JsonNode node, string property) => node[property]!.GetValue<int>();
}
