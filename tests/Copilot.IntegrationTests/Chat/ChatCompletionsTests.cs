using System.ClientModel;
using Copilot.IntegrationTests.Infrastructure;
using OpenAI.Chat;

namespace Copilot.IntegrationTests.Chat;

/// <summary>The OpenAI-compatible endpoint, driven by the official OpenAI .NET client as an office assistant would.</summary>
[Collection(nameof(SeededModelApi))]
public sealed class ChatCompletionsTests(SeededModelApi api)
{
    [Fact]
    public async Task A_completion_carries_the_answer_and_its_sources_in_the_text()
    {
        api.OpenAi.Reply = _ => "融资年利率为5.60%[1]。";
        ChatCompletion completion = await OfficeAssistant.ChatClient(api.Factory).CompleteChatAsync(
            [new SystemChatMessage("你是助手"), new UserChatMessage("融资融券的利率是多少？")]);

        var text = completion.Content[0].Text;
        Assert.StartsWith("融资年利率为5.60%[1]。", text);
        Assert.Contains("参考来源：\n[1] ", text);
        Assert.Equal("advisor-copilot", completion.Model);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.True(completion.Usage.OutputTokenCount > 0);
    }

    [Fact]
    public async Task A_streamed_completion_arrives_in_pieces_with_usage()
    {
        api.OpenAi.Reply = _ => "创业板开通需要前20个交易日日均资产不低于10万元[1]。";
        var pieces = new List<string>();
        ChatTokenUsage? usage = null;
        await foreach (var update in OfficeAssistant.ChatClient(api.Factory).CompleteChatStreamingAsync([new UserChatMessage("创业板开户条件")]))
        {
            pieces.AddRange(update.ContentUpdate.Select(part => part.Text));
            usage ??= update.Usage;
        }
        var text = string.Concat(pieces);
        Assert.True(pieces.Count >= 3);
        Assert.StartsWith("创业板开通需要前20个交易日日均资产不低于10万元[1]。", text);
        Assert.Contains("参考来源", text);
        Assert.NotNull(usage);
    }

    [Fact]
    public async Task An_unknown_model_is_refused()
    {
        var client = OfficeAssistant.ChatClient(api.Factory, "gpt-4o");
        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync([new UserChatMessage("你好")]));
        Assert.Equal(400, error.Status);
        Assert.Contains("model", error.Message);
    }
}
