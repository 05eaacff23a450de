using Copilot.Chat;
using Copilot.Clients;
using Copilot.Compliance;
using Copilot.Drafting;
using Copilot.Plugins.Clients;
using Copilot.Plugins.Compliance;
using Copilot.Plugins.Drafting;
using Microsoft.SemanticKernel;

namespace Copilot.Plugins;

/// <summary>Builds one chat turn's tools, bound to the advisor asking: their clients, their drafts, the compliance check.</summary>
public sealed class AdvisorToolbox(ClientDirectory clients, DraftCreation drafts, ComplianceChecker checker, ProductCatalog catalog) : ICopilotTools
{
    public CopilotToolset For(string advisorId, string actor)
    {
        var drafting = new DraftingPlugin(drafts, clients, advisorId, actor);
        return new CopilotToolset(
        [
            KernelPluginFactory.CreateFromObject(new ClientsPlugin(clients, advisorId), "clients"),
            KernelPluginFactory.CreateFromObject(drafting, "drafting"),
            KernelPluginFactory.CreateFromObject(new CompliancePlugin(checker, catalog, clients, advisorId), "compliance"),
        ], drafting.Created);
    }
}
