using Copilot.Llm;
using Copilot.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Chat;

/// <summary>
/// In model mode, a second query for retrieval: the question rewritten by the model into the statutes' vocabulary
/// (prompts/statute-rewrite), so an article can be found by a question that shares none of its words. Both queries
/// are searched and fused; without a model, or when the model fails, the question is searched alone.
/// </summary>
public sealed class StatuteQueryRewriter(PromptLibrary prompts, IChatClient? model = null, ILogger<StatuteQueryRewriter>? logger = null)
{
    /// <summary>Longest rewrite kept; a model that answers instead of rewriting would otherwise flood the query.</summary>
    public const int MaxLength = 200;

    private readonly ILogger _logger = logger ?? NullLogger<StatuteQueryRewriter>.Instance;

    /// <summary>The queries to search: the question, then its rewrite when a model gave a different one.</summary>
    public async Task<IReadOnlyList<string>> QueriesAsync(string question, CancellationToken ct)
    {
        if (model is null) return [question];
        string rewrite;
        try
        {
            var fence = DataFence.New();
            var prompt = await prompts.RenderAsync("statute-rewrite", fence, new Dictionary<string, object?>
            {
                ["question"] = fence.Wrap("employee-message", question),
            }, ct);
            using var call = ModelCallContext.Begin(ModelPurpose.Rewrite);
            var response = await model.GetResponseAsync(prompt, prompts.ChatOptionsFor("statute-rewrite"), ct);
            rewrite = string.Join(' ', response.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Retrieval still has the question itself; a failed rewrite must not fail the answer.
            _logger.LogWarning("The statute rewrite failed ({Error}); searching the question alone", error.GetType().Name);
            return [question];
        }
        if (rewrite.Length > MaxLength) rewrite = rewrite[..MaxLength];
        return rewrite.Length == 0 || string.Equals(rewrite, question, StringComparison.Ordinal) ? [question] : [question, rewrite];
    }
}
