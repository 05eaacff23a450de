using System.ClientModel;
using Copilot.IntegrationTests.Infrastructure;
using OpenAI.Chat;

namespace Copilot.IntegrationTests.Auth;

/// <summary>The model-mode service with API keys: an office assistant's key decides whose copilot it is.</summary>
public sealed class KeyedModelApi : ApiFixture
{
    public FakeOpenAiServer OpenAi { get; } = new();

    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.ModelMode(OpenAi, extra: KeyedApi.Settings());

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        OpenAi.Dispose();
    }
}

public sealed class OfficeAssistantKeyTests(KeyedModelApi api) : IClassFixture<KeyedModelApi>
{
    [Fact]
    public async Task An_advisors_office_assistant_gets_that_advisors_copilot_tools_and_others_only_answers()
    {
        api.OpenAi.Reply = _ => "好的。";

        await OfficeAssistant.ChatClient(api.Factory, apiKey: KeyedApi.Wang).CompleteChatAsync([new UserChatMessage("给张先生写一条消息")]);
        var advisorTools = ToolNames();
        await OfficeAssistant.ChatClient(api.Factory, apiKey: KeyedApi.Content).CompleteChatAsync([new UserChatMessage("给张先生写一条消息")]);
        var contentTools = ToolNames();

        Assert.Contains(advisorTools, n => n.EndsWith("draft_message"));
        Assert.DoesNotContain(contentTools, n => n.EndsWith("draft_message") || n.EndsWith("lookup_client"));
    }

    [Fact]
    public async Task An_office_assistant_without_a_valid_key_is_refused_with_401()
    {
        var error = await Assert.ThrowsAsync<ClientResultException>(() =>
            OfficeAssistant.ChatClient(api.Factory, apiKey: "sk-not-ours").CompleteChatAsync([new UserChatMessage("你好")]));
        Assert.Equal(401, error.Status);
    }

    private List<string> ToolNames() =>
        api.OpenAi.ChatRequests.Last()["tools"]?.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList() ?? [];
}
