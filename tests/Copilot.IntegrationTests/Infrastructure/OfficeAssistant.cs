using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>The official OpenAI .NET client pointed at the service, as an office assistant would use it.</summary>
public static class OfficeAssistant
{
    /// <param name="apiKey">Sent as the bearer token, as OpenAI clients send theirs; with keys off the service ignores it.</param>
    public static ChatClient ChatClient(CopilotApiFactory factory, string model = "advisor-copilot", string apiKey = "office-assistant") =>
        new OpenAIClient(new ApiKeyCredential(apiKey), new OpenAIClientOptions
        {
            Endpoint = new Uri(factory.Server.BaseAddress, "/v1"),
            Transport = new HttpClientPipelineTransport(factory.CreateClient()),
        }).GetChatClient(model);
}
