using Microsoft.SemanticKernel;

namespace Copilot.Chat;

/// <summary>The tools one advisor's chat turn may call, bound to that advisor so no other advisor's clients are reachable.</summary>
public interface ICopilotTools
{
    /// <param name="actor">Who asked (a key's name or a signed-in user): what the tools do is audited as theirs.</param>
    CopilotToolset For(string advisorId, string actor);
}

/// <summary>The plugins of one chat turn, and the drafts they created during it.</summary>
public sealed record CopilotToolset(IReadOnlyList<KernelPlugin> Plugins, IReadOnlyCollection<string> CreatedDraftIds);
