using Copilot.IntegrationTests.Infrastructure;
using OpenAI.Chat;

namespace Copilot.IntegrationTests.Chat;

/// <summary>In template mode the OpenAI-compatible endpoint still answers, and says no model wrote it.</summary>
public sealed class TemplateModeChatCompletionsTests(SeededTemplateApi api) : IClassFixture<SeededTemplateApi>
{
    [Fact]
    public async Task Template_answers_say_so_in_the_text()
    {
        var client = OfficeAssistant.ChatClient(api.Factory);
        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage("银证转账的时间")]);
        Assert.StartsWith("（未配置语言模型", completion.Content[0].Text);
        Assert.Contains("[1] ", completion.Content[0].Text);
    }
}
