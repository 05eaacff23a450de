using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Copilot.IntegrationTests.Mcp;

/// <summary>
/// The keyed service with the sample corpus, and one client for each of two advisors, both called 张先生 — the same name
/// for two people, one per advisor — created through POST /v1/drafts as a CRM plugin would.
/// </summary>
public sealed class McpApi : ApiFixture
{
    public const string WangClient = "c-1001";
    public const string QianClient = "c-q-7001";

    /// <summary>A draft of Qian's, which Wang's key must not reach.</summary>
    public string QianDraftId { get; private set; } = "";

    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.TemplateMode(seed: true, extra: KeyedApi.Settings());

    protected override async Task SetUpAsync()
    {
        await As(KeyedApi.Wang).CreateDraftAsync(DraftRequests.MarketDrop(WangClient));
        QianDraftId = (await As(KeyedApi.Qian).CreateDraftAsync(DraftRequests.MarketDrop(QianClient, advisorId: "a-qian")))["id"]!.GetValue<string>();
    }

    public HttpClient As(string? key)
    {
        var client = Factory.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>The official MCP C# client over Streamable HTTP, through the test server's handler, sending <paramref name="key"/>.</summary>
    public static async Task<McpClient> ConnectAsync(CopilotApiFactory factory, string? key)
    {
        var http = factory.CreateClient();
        if (key is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(factory.Server.BaseAddress, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }, http, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    public Task<McpClient> ConnectAsync(string? key) => ConnectAsync(Factory, key);
}

/// <summary>Calls a tool and reads its JSON result, or its error.</summary>
public static class McpCalls
{
    /// <summary>The tool's JSON result; fails the test if the tool answered with an error.</summary>
    public static async Task<JsonNode> CallJsonAsync(this McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var (error, text) = await client.TryCallAsync(tool, arguments);
        Assert.False(error, $"{tool} failed: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>The tool's error text; fails the test if the tool succeeded.</summary>
    public static async Task<string> CallErrorAsync(this McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var (error, text) = await client.TryCallAsync(tool, arguments);
        Assert.True(error, $"{tool} was expected to fail but answered: {text}");
        return text;
    }

    // A refused call is either a tool result marked as an error or, for a tool this caller may not use, a protocol error.
    private static async Task<(bool Error, string Text)> TryCallAsync(this McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        try
        {
            var result = await client.CallToolAsync(tool, arguments);
            var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
            return (result.IsError == true, text);
        }
        catch (McpException e)
        {
            return (true, e.Message);
        }
    }
}
