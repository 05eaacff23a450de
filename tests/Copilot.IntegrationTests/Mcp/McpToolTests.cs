using System.Net;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Mcp;

/// <summary>The copilot's tools through the official MCP client, in template mode, with advisors' keys.</summary>
public sealed class McpToolTests(McpApi api) : IClassFixture<McpApi>
{
    private static readonly string[] AnyCallerTools = ["ask", "check_compliance", "search_knowledge"];
    private static readonly string[] AdvisorTools = ["draft_client_message", "get_draft", "list_leads", "lookup_client"];

    [Fact]
    public async Task An_advisor_lists_every_tool_with_a_description_and_an_input_schema()
    {
        await using var mcp = await api.ConnectAsync(KeyedApi.Wang);
        var tools = await mcp.ListToolsAsync();

        Assert.Equal(AnyCallerTools.Concat(AdvisorTools).Order(), tools.Select(t => t.Name).Order());
        foreach (var tool in tools)
        {
            Assert.True(tool.Description.Length > 40, $"{tool.Name} has no usable description");
            Assert.Equal("object", tool.JsonSchema.GetProperty("type").GetString());
            Assert.True(tool.JsonSchema.GetProperty("properties").EnumerateObject().Any(), $"{tool.Name} has no parameters in its schema");
        }
        var draft = tools.Single(t => t.Name == "draft_client_message").JsonSchema;
        var required = draft.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("requestId", required);
        Assert.Contains("client", required);
        Assert.DoesNotContain("advisorId", required);
    }

    [Fact]
    public async Task Callers_that_act_for_no_advisor_get_only_the_tools_that_need_none()
    {
        await using var mcp = await api.ConnectAsync(KeyedApi.Officer);
        Assert.Equal(AnyCallerTools, (await mcp.ListToolsAsync()).Select(t => t.Name).Order());
        // Not listed, and not callable either.
        await mcp.CallErrorAsync("lookup_client", new() { ["nameOrId"] = "张先生", ["advisorId"] = "demo-advisor" });
    }

    [Fact]
    public async Task Search_knowledge_finds_passages_and_applies_its_filters()
    {
        await using var mcp = await api.ConnectAsync(KeyedApi.Wang);

        var all = (await mcp.CallJsonAsync("search_knowledge", new() { ["query"] = "科创板开户要求", ["top"] = 3 }))["results"]!.AsArray();
        var faq = (await mcp.CallJsonAsync("search_knowledge", new() { ["query"] = "科创板开户要求", ["type"] = "faq", ["top"] = 10 }))["results"]!.AsArray();
        var bad = await mcp.CallErrorAsync("search_knowledge", new() { ["query"] = "科创板", ["type"] = "gossip" });

        Assert.InRange(all.Count, 1, 3);
        Assert.All(all, hit => Assert.False(string.IsNullOrEmpty(hit!.Str("documentId"))));
        Assert.NotEmpty(faq);
        Assert.All(faq, hit => Assert.Contains("faq", hit!["tags"]!.AsArray().Select(t => t!.GetValue<string>())));
        Assert.Contains("type", bad);
    }

    [Fact]
    public async Task Ask_answers_with_numbered_citations_and_says_it_is_the_template()
    {
        await using var mcp = await api.ConnectAsync(KeyedApi.Wang);

        var answer = await mcp.CallJsonAsync("ask", new() { ["question"] = "C2级客户能买R3的产品吗？" });
        var followUp = await mcp.CallJsonAsync("ask", new() { ["question"] = "那C3级呢？", ["conversationId"] = answer.Str("conversationId") });

        Assert.Equal("template", answer.Str("generator"));
        var citations = answer["citations"]!.AsArray();
        Assert.NotEmpty(citations);
        Assert.Contains("[1]", answer.Str("answer"));
        Assert.Equal(1, citations[0]!["index"]!.GetValue<int>());
        Assert.Equal(answer.Str("conversationId"), followUp.Str("conversationId"));
    }

    [Fact]
    public async Task Check_compliance_fails_a_promised_return_and_passes_nothing_for_empty_text()
    {
        await using var mcp = await api.ConnectAsync(KeyedApi.Officer);

        var result = await mcp.CallJsonAsync("check_compliance", new() { ["text"] = "张先生您好，这只产品保证收益，稳赚不赔，年化至少10%。" });
        var empty = await mcp.CallErrorAsync("check_compliance", new() { ["text"] = " " });

        Assert.Equal("fail", result.Str("verdict"));
        Assert.Contains(result["findings"]!.AsArray(), f => f!.Str("severity") == "block");
        Assert.Contains("text", empty);
    }

    [Fact]
    public async Task Lookup_client_finds_the_advisors_own_client_only()
    {
        await using var mcp = await api.ConnectAsync(KeyedApi.Wang);

        // Both advisors have a 张先生: Wang's key finds Wang's.
        var matches = (await mcp.CallJsonAsync("lookup_client", new() { ["nameOrId"] = "张先生" })).AsArray();

        Assert.Equal(McpApi.WangClient, Assert.Single(matches)!.Str("id"));
        Assert.Equal("C3", matches[0]!.Str("riskClass"));
    }

    [Fact]
    public async Task A_retried_draft_with_the_same_request_id_returns_the_same_draft_and_stores_one()
    {
        await using var mcp = await api.ConnectAsync(KeyedApi.Wang);
        var requestId = Guid.NewGuid().ToString();
        var arguments = new Dictionary<string, object?>
        {
            ["client"] = McpApi.WangClient, ["scenario"] = "market_drop", ["notes"] = "客户关心回撤", ["requestId"] = requestId,
        };
        var before = await DraftCountAsync();

        var first = await mcp.CallJsonAsync("draft_client_message", arguments);
        var retry = await mcp.CallJsonAsync("draft_client_message", arguments);
        var read = await mcp.CallJsonAsync("get_draft", new() { ["draftId"] = first.Str("draftId") });

        Assert.StartsWith("dft_", first.Str("draftId"));
        Assert.Equal(first.Str("draftId"), retry.Str("draftId"));
        Assert.Equal(before + 1, await DraftCountAsync());
        Assert.Equal("PendingReview", first.Str("status"));
        Assert.Contains(first.Str("verdict"), new[] { "pass", "review", "fail" });
        Assert.NotNull(first["findings"]?.AsArray());
        Assert.Equal("template", first.Str("generator"));
        // The advisor's identity footer, as on every draft: the seeded advisor's registration number.
        Assert.Contains("S0000000000001", first.Str("text"));
        Assert.Equal(first.Str("text"), read.Str("text"));
        // The draft is on the audit trail, created by this key.
        var audit = JsonNode.Parse(await api.As(KeyedApi.Officer).GetStringAsync($"/v1/drafts/{first.Str("draftId")}/audit"))!.AsArray();
        Assert.Contains(audit, entry => entry!.Str("action") == "created" && entry!.Str("actor") == "wang.xiaoming");
    }

    [Fact]
    public async Task The_crm_names_the_advisor_it_acts_for()
    {
        await using var mcp = await api.ConnectAsync(KeyedApi.Crm);

        var unnamed = await mcp.CallErrorAsync("lookup_client", new() { ["nameOrId"] = "张先生" });
        var named = (await mcp.CallJsonAsync("lookup_client", new() { ["nameOrId"] = "张先生", ["advisorId"] = "a-qian" })).AsArray();

        Assert.Contains("advisorId", unnamed);
        Assert.Equal(McpApi.QianClient, Assert.Single(named)!.Str("id"));
    }

    [Fact]
    public async Task Without_a_key_or_with_an_unknown_one_mcp_is_a_401_problem()
    {
        var initialize = new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "initialize",
            ["params"] = new JsonObject { ["protocolVersion"] = "2025-06-18", ["capabilities"] = new JsonObject(), ["clientInfo"] = new JsonObject { ["name"] = "t", ["version"] = "1" } },
        };
        foreach (var key in new[] { null, "sk-not-ours" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(initialize.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Accept.ParseAdd("application/json");
            request.Headers.Accept.ParseAdd("text/event-stream");
            var response = await api.As(key).SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        await Assert.ThrowsAnyAsync<Exception>(() => api.ConnectAsync(null));
    }

    private async Task<int> DraftCountAsync() =>
        (await api.As(KeyedApi.Wang).GetObjectAsync("/v1/drafts?pageSize=200"))["total"]!.GetValue<int>();
}
