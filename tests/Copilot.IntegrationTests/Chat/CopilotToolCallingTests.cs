using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Chat;

/// <summary>
/// With a model, chat is a copilot: a scripted model (WireMock) calls the tools — look up the client, draft the
/// message — and the turn ends in a stored draft awaiting review, linked from the answer.
/// </summary>
[Collection(nameof(SeededModelApi))]
public sealed class CopilotToolCallingTests(SeededModelApi api)
{
    [Fact]
    public async Task Asking_for_a_message_to_a_client_ends_in_a_draft_awaiting_review()
    {
        api.OpenAi.Reply = messages => messages.Any(m => m.Role == "tool") ? "已为张先生起草市场下跌的安抚消息，等待合规审核。" : "张先生您好，今天市场调整较大，建议结合自身风险承受能力审视配置。";
        await api.Client.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-zhang"));
        api.OpenAi.ToolCalls = Script("张先生");

        var answer = await api.Client.PostJsonAsync("/v1/chat", new { message = "给张先生写一条市场下跌的安抚消息", advisorId = "demo-advisor" });

        var draftId = Assert.Single(answer["draftIds"]!.AsArray())!.GetValue<string>();
        Assert.Contains($"/v1/drafts/{draftId}", answer.Str("answer"));
        var draft = await api.Client.GetObjectAsync($"/v1/drafts/{draftId}");
        Assert.Equal("PendingReview", draft.Str("status"));
        Assert.Equal("c-zhang", draft.Str("clientId"));
        Assert.Equal("market_drop", draft.Str("scenarioCode"));

        var toolNames = api.OpenAi.ChatRequests.Last()["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList();
        Assert.Contains(toolNames, n => n.EndsWith("lookup_client"));
        Assert.Contains(toolNames, n => n.EndsWith("search_knowledge"));
    }

    [Fact]
    public async Task Another_advisor_cannot_reach_the_client()
    {
        api.OpenAi.Reply = _ => "张先生您好，今天市场调整较大，建议结合自身风险承受能力审视配置。";
        await api.Client.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-zhang"));
        (await api.Client.PutAsJsonAsync("/v1/advisors/a-other", new { name = "钱多多", registrationNumber = "S0000000000099", firm = "示例证券" })).EnsureSuccessStatusCode();
        string? lookupResult = null;
        api.OpenAi.ToolCalls = request =>
        {
            var tools = request["messages"]!.AsArray().Where(m => m!["role"]!.GetValue<string>() == "tool").ToList();
            if (tools.Count == 1) lookupResult = tools[0]!["content"]?.ToString();
            return Script("张先生")(request);
        };
        api.OpenAi.Reply = _ => "没有找到这位客户。";

        var answer = await api.Client.PostJsonAsync("/v1/chat", new { message = "给张先生写一条市场下跌的安抚消息", advisorId = "a-other" });

        Assert.Empty(answer["draftIds"]!.AsArray());
        Assert.DoesNotContain("c-zhang", lookupResult ?? "");
        Assert.DoesNotContain("示例稳健配置混合", lookupResult ?? "");
    }

    [Fact]
    public async Task Without_an_advisor_no_client_tools_are_offered()
    {
        api.OpenAi.ToolCalls = _ => null;
        api.OpenAi.Reply = _ => "请提供您的顾问编号。";
        await api.Client.PostJsonAsync("/v1/chat", new { message = "给张先生写一条消息" });
        var toolNames = api.OpenAi.ChatRequests.Last()["tools"]?.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList() ?? [];
        Assert.DoesNotContain(toolNames, n => n.EndsWith("lookup_client") || n.EndsWith("draft_message"));
    }

    [Fact]
    public async Task Two_clients_of_one_name_are_not_guessed_between()
    {
        api.OpenAi.Reply = _ => "郑先生您好，今天市场调整较大，建议结合自身风险承受能力审视配置。";
        foreach (var id in new[] { "c-zheng-1", "c-zheng-2" })
        {
            var request = System.Text.Json.JsonSerializer.SerializeToNode(DraftRequests.MarketDrop(clientId: id))!.AsObject();
            request["client"]!["name"] = "郑先生";
            await api.Client.CreateDraftAsync(request);
        }
        var toolResults = new List<string>();
        api.OpenAi.ToolCalls = request =>
        {
            toolResults = request["messages"]!.AsArray().Where(m => m!["role"]!.GetValue<string>() == "tool").Select(m => m!["content"]!.ToString()).ToList();
            return Script("郑先生")(request);
        };
        api.OpenAi.Reply = _ => "您有两位郑先生，请问是哪一位？";

        var answer = await api.Client.PostJsonAsync("/v1/chat", new { message = "给郑先生写一条市场下跌的安抚消息", advisorId = "demo-advisor" });

        Assert.Empty(answer["draftIds"]!.AsArray());
        Assert.Contains("c-zheng-1", toolResults[0]);
        Assert.Contains("c-zheng-2", toolResults[0]);
        Assert.Contains("ask which one", toolResults[1]);
    }

    [Fact]
    public async Task Checking_a_text_for_a_named_client_judges_the_products_it_names_against_that_client()
    {
        api.OpenAi.Reply = _ => "张先生您好，今天市场调整较大，建议结合自身风险承受能力审视配置。";
        await api.Client.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-check")); // a C3 client
        string? result = null;
        api.OpenAi.ToolCalls = request =>
        {
            var names = request["tools"]?.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList() ?? [];
            var tools = request["messages"]!.AsArray().Where(m => m!["role"]!.GetValue<string>() == "tool").ToList();
            if (tools.Count == 1) result = tools[0]!["content"]!.ToString();
            return names.Count == 0 || tools.Count > 0 ? null
                : [(names.Single(n => n.EndsWith("check_compliance")), """{"text":"张先生，ES4002半导体ETF可以逢低关注。风险提示：行业集中度高，可能亏损。","client":"c-check"}""")];
        };
        api.OpenAi.Reply = _ => "这条消息向C3客户推荐了R4产品，不合适。";

        await api.Client.PostJsonAsync("/v1/chat", new { message = "帮我看看这条给张先生的消息合规吗", advisorId = "demo-advisor" });

        Assert.NotNull(result);
        Assert.Contains("CN-SUIT-01", result);
    }

    // The model's plan: look the client up, then draft, then answer.
    private static Func<JsonObject, IReadOnlyList<(string Name, string Arguments)>?> Script(string client) => request =>
    {
        var names = request["tools"]?.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList() ?? [];
        // Other model calls of the turn (the compliance judge of the draft) offer no tools and get a plain reply.
        if (!names.Any(n => n.EndsWith("lookup_client"))) return null;
        var toolResults = request["messages"]!.AsArray().Count(m => m!["role"]!.GetValue<string>() == "tool");
        return toolResults switch
        {
            0 => [(names.Single(n => n.EndsWith("lookup_client")), $$"""{"nameOrId":"{{client}}"}""")],
            1 => [(names.Single(n => n.EndsWith("draft_message")), $$"""{"client":"{{client}}","scenario":"market_drop","channel":"wechat"}""")],
            _ => null,
        };
    };
}
