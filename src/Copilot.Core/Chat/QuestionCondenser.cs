using Copilot.Llm;
using Copilot.Prompts;
using Microsoft.Extensions.AI;

namespace Copilot.Chat;

/// <summary>Turns a follow-up ("那R4呢？") into a standalone search query, with the model when there is one.</summary>
public sealed class QuestionCondenser(PromptLibrary prompts, IChatClient? model = null)
{
    public async Task<string> CondenseAsync(IReadOnlyList<ChatTurn> history, string question, CancellationToken ct)
    {
        if (history.Count == 0) return question;
        var lastUserTurn = history.LastOrDefault(t => t.Role == ChatTurn.User)?.Content;
        if (model is null)
            // Without a model, the previous question supplies the topic the follow-up leaves out.
            return lastUserTurn is null ? question : $"{lastUserTurn} {question}";

        var fence = DataFence.New();
        var prompt = await prompts.RenderAsync("condense-question", fence, new Dictionary<string, object?>
        {
            ["history"] = fence.Wrap("conversation", string.Join('\n', history.Select(t => $"{t.Role}: {t.Content}"))),
            ["question"] = fence.Wrap("employee-message", question),
        }, ct);
        using var call = ModelCallContext.Begin(ModelPurpose.Condense);
        var response = await model.GetResponseAsync(prompt, prompts.ChatOptionsFor("condense-question"), ct);
        var condensed = response.Text.Trim();
        return condensed.Length == 0 ? question : condensed;
    }
}
