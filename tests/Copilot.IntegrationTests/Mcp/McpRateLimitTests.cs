using System.Net;
using System.Text;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Security;

namespace Copilot.IntegrationTests.Mcp;

/// <summary>MCP's tool calls may each cost model calls, so POSTs to /mcp spend the caller's model-backed budget.</summary>
public sealed class McpRateLimitTests(LimitedApi api) : IClassFixture<LimitedApi>
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";

    [Fact]
    public async Task Posts_to_mcp_past_the_model_budget_are_a_429_problem_with_retry_after()
    {
        var crm = api.As(KeyedApi.Crm);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(Initialize, Encoding.UTF8, "application/json") };
            request.Headers.Accept.ParseAdd("application/json");
            request.Headers.Accept.ParseAdd("text/event-stream");
            var response = await crm.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (i == 2) Assert.NotNull(response.Headers.RetryAfter?.Delta);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
