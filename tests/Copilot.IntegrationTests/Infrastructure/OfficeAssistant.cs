using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>The official OpenAI .NET client pointed at the service, as an office assistant would use it.</summary>
public static class OfficeAssistant
{
    public static ChatClient ChatClient(CopilotApiFactory factory, string model = "advisor-copilot") =>
        new OpenAIClient(new ApiKeyCredential("office-assistant"), new OpenAIClientOptions
        {
            Endpoint = new Uri(factory.Server.BaseAddress, "/v1"),
            Transport = new HttpClientPipelineTransport(factory.CreateClient()),
        }).GetChatClient(model);
}
