using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Mcp;

/// <summary>An advisor's key reaches its own advisor's clients and drafts through MCP, and nobody else's, however it asks.</summary>
public sealed class McpAdvisorScopeTests(McpApi api) : IClassFixture<McpApi>
{
    [Fact]
    public async Task An_advisor_cannot_look_up_another_advisors_client()
    {
        await using var wang = await api.ConnectAsync(KeyedApi.Wang);

        var byId = (await wang.CallJsonAsync("lookup_client", new() { ["nameOrId"] = McpApi.QianClient })).AsArray();
        var asQian = await wang.CallErrorAsync("lookup_client", new() { ["nameOrId"] = "张先生", ["advisorId"] = "a-qian" });

        Assert.Empty(byId);
        Assert.Contains("advisorId", asQian);
        Assert.DoesNotContain(McpApi.QianClient, asQian);
    }

    [Fact]
    public async Task An_advisor_cannot_read_another_advisors_draft_and_learns_nothing_of_it()
    {
        await using var wang = await api.ConnectAsync(KeyedApi.Wang);
        await using var qian = await api.ConnectAsync(KeyedApi.Qian);

        var refused = await wang.CallErrorAsync("get_draft", new() { ["draftId"] = api.QianDraftId });
        var own = await qian.CallJsonAsync("get_draft", new() { ["draftId"] = api.QianDraftId });

        Assert.DoesNotContain(McpApi.QianClient, refused);
        Assert.Equal(McpApi.QianClient, own.Str("clientId"));
    }

    [Fact]
    public async Task An_advisor_cannot_draft_for_another_advisors_client_or_as_another_advisor()
    {
        await using var wang = await api.ConnectAsync(KeyedApi.Wang);
        var before = await api.As(KeyedApi.Officer).GetObjectAsync("/v1/drafts?pageSize=200");

        var theirClient = await wang.CallErrorAsync("draft_client_message", new()
        {
            ["client"] = McpApi.QianClient, ["scenario"] = "market_drop", ["requestId"] = Guid.NewGuid().ToString(),
        });
        var asThem = await wang.CallErrorAsync("draft_client_message", new()
        {
            ["client"] = McpApi.QianClient, ["scenario"] = "market_drop", ["requestId"] = Guid.NewGuid().ToString(), ["advisorId"] = "a-qian",
        });

        Assert.Contains(McpApi.QianClient, theirClient); // "No client 'c-q-7001' for this advisor": it echoes the caller's own input only
        Assert.Contains("advisorId", asThem);
        var after = await api.As(KeyedApi.Officer).GetObjectAsync("/v1/drafts?pageSize=200");
        Assert.Equal(before["total"]!.GetValue<int>(), after["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_advisor_asking_as_another_advisor_is_refused()
    {
        await using var wang = await api.ConnectAsync(KeyedApi.Wang);

        var refused = await wang.CallErrorAsync("ask", new() { ["question"] = "张先生持有什么？", ["advisorId"] = "a-qian" });

        Assert.Contains("advisorId", refused);
    }
}
