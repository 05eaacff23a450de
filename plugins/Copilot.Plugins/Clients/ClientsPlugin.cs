using System.ComponentModel;
using Copilot.Clients;
using Microsoft.SemanticKernel;

namespace Copilot.Plugins.Clients;

/// <summary>Looks up one of the current advisor's clients; other advisors' clients do not exist here.</summary>
public sealed class ClientsPlugin(ClientDirectory clients, string advisorId)
{
    [KernelFunction("lookup_client")]
    [Description("Find the advisor's clients by name (e.g. 张先生) or client id. Returns each match's portrait: id, risk class, horizon, holdings, tags. "
        + "Several matches are several people: ask the advisor which one they mean before drafting, and pass its id.")]
    public async Task<IReadOnlyList<ClientPortrait>> LookupAsync(
        [Description("The client's name as the advisor wrote it, or the client id")] string nameOrId, CancellationToken ct = default) =>
        await clients.MatchAsync(advisorId, nameOrId.Trim(), ct);
}
