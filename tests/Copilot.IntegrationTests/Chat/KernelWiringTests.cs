using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Copilot.IntegrationTests.Chat;

/// <summary>Semantic Kernel sits over the same Microsoft.Extensions.AI chat client and carries the copilot's plugins.</summary>
[Collection(nameof(SeededModelApi))]
public sealed class KernelWiringTests(SeededModelApi api)
{
    [Fact]
    public async Task The_kernel_reaches_the_configured_model_and_offers_the_knowledge_plugin()
    {
        api.OpenAi.Reply = _ => "kernel-reply";
        var kernel = api.Factory.Services.GetRequiredService<Kernel>();

        Assert.Contains(kernel.Plugins, plugin => plugin.Name == "knowledge" && plugin.Contains("search_knowledge"));
        var result = await kernel.InvokePromptAsync("Say hello");
        Assert.Equal("kernel-reply", result.GetValue<string>());
        Assert.Equal("Say hello", api.OpenAi.ChatRequests.Last()["messages"]![0]!["content"]!.ToString());
    }
}
