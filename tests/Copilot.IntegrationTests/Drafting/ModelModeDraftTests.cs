using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Drafting;

/// <summary>Drafting with a model (WireMock playing OpenAI): the prompts it receives, and the automatic revision of a failing draft.</summary>
[Collection(nameof(SeededModelApi))]
public sealed class ModelModeDraftTests(SeededModelApi api)
{
    [Fact]
    public async Task The_model_writes_from_the_scenario_prompt_and_a_failing_draft_is_revised_once()
    {
        var prompts = new List<IReadOnlyList<(string Role, string Content)>>();
        api.OpenAi.Reply = messages =>
        {
            lock (prompts) prompts.Add(messages);
            return messages[^1].Content.Contains("compliance pre-check rejected")
                ? "张先生您好，今天市场调整较大，短期波动难以预测，建议结合自身风险承受能力审视配置，我随时可以和您沟通。"
                : "张先生您好，别担心，这只基金保本保收益，稳赚不赔，跌了我给您补上。";
        };

        var draft = await api.Client.CreateDraftAsync(DraftRequests.MarketDrop());

        Assert.Equal($"llm:{FakeOpenAiServer.ChatModel}", draft.Str("generator"));
        Assert.Equal(1, draft["revisions"]!.GetValue<int>());
        Assert.NotEqual("fail", draft.Str("verdict"));
        Assert.StartsWith("张先生您好，今天市场调整较大", draft.Str("text"));
        Assert.Contains("执业编号：S0000000000001", draft.Str("text"));

        var (system, user) = (prompts[0][0].Content, prompts[0][1].Content);
        Assert.Contains("Never promise or imply returns", system);
        Assert.Contains("Scenario (market_drop)", user);
        Assert.Contains("示例稳健配置混合", user);
        Assert.Contains("客户上周问过是否要减仓", user);
        var revision = prompts[1][^1].Content;
        Assert.Contains("保本保收益", revision);
        Assert.Contains("CN-IA-01", revision);
    }

    [Fact]
    public async Task A_draft_that_still_fails_after_revision_is_stored_flagged_for_review()
    {
        api.OpenAi.Reply = _ => "张先生您好，这只产品稳赚不赔，保证收益。";
        var draft = await api.Client.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-flagged"));
        Assert.Equal("fail", draft.Str("verdict"));
        Assert.True(draft["flagged"]!.GetValue<bool>());
        Assert.Equal("PendingReview", draft.Str("status"));
        var queue = await api.Client.GetObjectAsync("/v1/drafts?status=PendingReview&advisorId=demo-advisor&pageSize=200");
        Assert.Contains(queue["drafts"]!.AsArray(), d => d!.Str("id") == draft.Str("id"));
    }
}
