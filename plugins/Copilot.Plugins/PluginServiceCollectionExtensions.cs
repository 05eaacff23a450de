using Copilot.Chat;
using Copilot.Plugins.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Copilot.Plugins;

public static class PluginServiceCollectionExtensions
{
    /// <summary>Adds the copilot's native plugins to the Kernel that AddKernel registered.</summary>
    public static IServiceCollection AddCopilotPlugins(this IServiceCollection services)
    {
        services.AddSingleton<KnowledgePlugin>();
        services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(sp.GetRequiredService<KnowledgePlugin>(), "knowledge"));
        services.AddSingleton<ICopilotTools, AdvisorToolbox>();
        return services;
    }
}
