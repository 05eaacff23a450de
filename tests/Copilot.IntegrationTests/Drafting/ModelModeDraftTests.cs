using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Drafting;

/// <summary>
/// Drafting with a model (WireMock playing OpenAI), on SQLite and PostgreSQL: the prompts it receives, the automatic
/// revision of a failing draft, and the review of a model's draft.
/// </summary>
public sealed class ModelModeDraftTests(ModelDatabaseApis apis) : IClassFixture<ModelDatabaseApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private FakeOpenAiServer OpenAi => apis.OpenAi;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_model_writes_from_the_scenario_prompt_and_a_failing_draft_is_revised_once(string provider)
    {
        var client = await apis.ClientAsync(provider);
        var prompts = new List<IReadOnlyList<(string Role, string Content)>>();
        OpenAi.Reply = messages =>
        {
            lock (prompts) prompts.Add(messages);
            return messages[^1].Content.Contains("compliance pre-check rejected")
                ? "张先生您好，今天市场调整较大，短期波动难以预测，建议结合自身风险承受能力审视配置，我随时可以和您沟通。"
                : "张先生您好，别担心，这只基金保本保收益，稳赚不赔，跌了我给您补上。";
        };

        var draft = await client.CreateDraftAsync(DraftRequests.MarketDrop());

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

    [Theory, MemberData(nameof(Providers))]
    public async Task A_draft_that_still_fails_after_revision_is_stored_flagged_for_review(string provider)
    {
        var client = await apis.ClientAsync(provider);
        OpenAi.Reply = _ => "张先生您好，这只产品稳赚不赔，保证收益。";
        var draft = await client.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-flagged"));
        Assert.Equal("fail", draft.Str("verdict"));
        Assert.True(draft["flagged"]!.GetValue<bool>());
        Assert.Equal("PendingReview", draft.Str("status"));
        var queue = await client.GetObjectAsync("/v1/drafts?status=PendingReview&advisorId=demo-advisor&pageSize=200");
        Assert.Contains(queue["drafts"]!.AsArray(), d => d!.Str("id") == draft.Str("id"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_reviewers_edit_is_judged_too_and_a_paraphrased_guarantee_is_refused(string provider)
    {
        const string paraphrase = "到期钱一分都不会少";
        var client = await apis.ClientAsync(provider);
        OpenAi.Reply = messages => !messages.Any(m => m.Content.Contains("compliance pre-check"))
            ? "张先生您好，今天市场调整较大，短期波动难以预测，建议结合自身风险承受能力审视配置。"
            : messages[^1].Content.Contains(paraphrase)
                ? $$"""{"findings":[{"ruleId":"CN-IA-01","quote":"{{paraphrase}}","reason":"变相承诺本金不受损失。"}]}"""
                : """{"findings":[]}""";
        var draft = await client.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-edited"));
        var id = draft.Str("id");
        Assert.Equal("pass", draft.Str("verdict"));

        // The rules alone do not see this promise; the judge does, so the edit is refused and nothing changes.
        await ApiJson.AssertProblemAsync(await client.ReviewAsync(id, "approve", "改写", $"张先生您好，这只基金您放心，{paraphrase}。"), 422, "editedText");
        var unchanged = await client.GetObjectAsync($"/v1/drafts/{id}");
        Assert.Equal(("PendingReview", draft.Str("text")), (unchanged.Str("status"), unchanged.Str("text")));

        var approved = await (await client.ReviewAsync(id, "approve", "润色", "张先生您好，市场短期波动难以预测，建议结合自身风险承受能力审视配置。")).ReadObjectAsync();
        Assert.Equal("Approved", approved.Str("status"));
    }
}
