using System.ClientModel;
using System.ClientModel.Primitives;
using Copilot.IntegrationTests.Infrastructure;
using OpenAI;
using OpenAI.Chat;

namespace Copilot.IntegrationTests.Chat;

/// <summary>In template mode the OpenAI-compatible endpoint still answers, and says no model wrote it.</summary>
public sealed class TemplateModeChatCompletionsTests(SeededTemplateApi api) : IClassFixture<SeededTemplateApi>
{
    [Fact]
    public async Task Template_answers_say_so_in_the_text()
    {
        var client = new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions
        {
            Endpoint = new Uri(api.Factory.Server.BaseAddress, "/v1"),
            Transport = new HttpClientPipelineTransport(api.Factory.CreateClient()),
        }).GetChatClient("advisor-copilot");
        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage("银证转账的时间")]);
        Assert.StartsWith("（未配置语言模型", completion.Content[0].Text);
        Assert.Contains("[1] ", completion.Content[0].Text);
    }
}
