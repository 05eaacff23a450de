using System.Runtime.CompilerServices;
using System.Text;
using Copilot.Common;
using Copilot.Knowledge;
using Copilot.Llm;
using Copilot.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Copilot.Chat;

/// <summary>
/// Answers a question from retrieved passages: condense the follow-up, retrieve, then either let the model
/// answer from the passages with [n] citations, or — in template mode — quote the passages themselves.
/// </summary>
public sealed class GroundedAnswerer(
    KnowledgeSearch search,
    QuestionCondenser condenser,
    PromptLibrary prompts,
    GeneratorInfo generator,
    IOptions<ChatAnswerOptions> options,
    TimeProvider time,
    IChatClient? model = null)
{
    public async IAsyncEnumerable<AnswerEvent> StreamAsync(
        string question, IReadOnlyList<ChatTurn> history, KnowledgeFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var query = await condenser.CondenseAsync(history, question, ct);
        var hits = await search.SearchAsync(query, options.Value.Passages, filter, ct);

        if (model is null)
        {
            var quoted = TemplateAnswerWriter.Write(question, hits);
            yield return new AnswerDelta(quoted);
            yield return new AnswerCompleted(new GroundedAnswer(
                quoted, hits.Select((hit, i) => PassageFormatter.ToCitation(i + 1, hit)).ToList(), generator.Name));
            yield break;
        }

        var messages = new List<ChatMessage> { new(ChatRole.System, await SystemPromptAsync(question, hits, ct)) };
        messages.AddRange(history.Select(turn => new ChatMessage(turn.Role == ChatTurn.User ? ChatRole.User : ChatRole.Assistant, turn.Content)));
        messages.Add(new ChatMessage(ChatRole.User, question));

        var answer = new StringBuilder();
        await foreach (var update in model.GetStreamingResponseAsync(messages, prompts.ChatOptionsFor("chat-answer"), ct))
        {
            if (string.IsNullOrEmpty(update.Text)) continue;
            answer.Append(update.Text);
            yield return new AnswerDelta(update.Text);
        }
        var text = answer.ToString();
        yield return new AnswerCompleted(new GroundedAnswer(text, CitationExtractor.Extract(text, hits), generator.Name));
    }

    public async Task<GroundedAnswer> AnswerAsync(string question, IReadOnlyList<ChatTurn> history, KnowledgeFilter filter, CancellationToken ct)
    {
        await foreach (var item in StreamAsync(question, history, filter, ct))
            if (item is AnswerCompleted completed) return completed.Answer;
        throw new InvalidOperationException("The answer stream ended without an answer.");
    }

    private Task<string> SystemPromptAsync(string question, IReadOnlyList<SearchHit> hits, CancellationToken ct) =>
        prompts.RenderAsync("chat-answer", new Dictionary<string, object?>
        {
            ["firm"] = options.Value.FirmName,
            ["today"] = DateOnly.FromDateTime(time.GetLocalNow().DateTime).ToString("yyyy-MM-dd"),
            ["language"] = LanguageDetector.Detect(question),
            ["passages"] = PassageFormatter.ForPrompt(hits),
        }, ct);
}
