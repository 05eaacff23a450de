using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Mcp;

/// <summary>ask through MCP with a model: the model's grounded answer, and the copilot's tools only for an advisor's key.</summary>
public sealed class McpModelModeTests(KeyedModelApi api) : IClassFixture<KeyedModelApi>
{
    [Fact]
    public async Task Ask_returns_the_models_cited_answer_and_gives_an_advisors_copilot_that_advisors_tools()
    {
        api.OpenAi.Reply = _ => "不可以，C2级客户只能购买R2及以下风险等级的产品[1]。";
        await using var wang = await McpApi.ConnectAsync(api.Factory, KeyedApi.Wang);
        await using var officer = await McpApi.ConnectAsync(api.Factory, KeyedApi.Officer);

        var answer = await wang.CallJsonAsync("ask", new() { ["question"] = "C2级客户能买R3的产品吗？" });
        var advisorTools = ToolNames();
        await officer.CallJsonAsync("ask", new() { ["question"] = "C2级客户能买R3的产品吗？" });
        var officerTools = ToolNames();

        Assert.Equal("llm:" + FakeOpenAiServer.ChatModel, answer.Str("generator"));
        Assert.StartsWith("不可以，C2级客户只能购买R2", answer.Str("answer"));
        Assert.Equal(1, answer["citations"]!.AsArray()[0]!["index"]!.GetValue<int>());
        Assert.Contains(advisorTools, n => n.EndsWith("draft_message"));
        Assert.DoesNotContain(officerTools, n => n.EndsWith("draft_message") || n.EndsWith("lookup_client"));
    }

    private List<string> ToolNames() =>
        api.OpenAi.ChatRequests.Last()["tools"]?.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList() ?? [];
}
