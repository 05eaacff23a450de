using System.Runtime.CompilerServices;
using System.Text;
using Copilot.Common;
using Copilot.Knowledge;
using Copilot.Llm;
using Copilot.Privacy;
using Copilot.Prompts;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Copilot.Chat;

/// <summary>
/// Answers a question from retrieved passages: condense the follow-up, rewrite it into the statutes' words (model
/// mode), retrieve with both, then either let the model
/// answer from the passages with [n] citations, or — in template mode — quote the passages themselves.
/// </summary>
public sealed class GroundedAnswerer(
    KnowledgeSearch search,
    QuestionCondenser condenser,
    PromptLibrary prompts,
    GeneratorInfo generator,
    IOptions<ChatAnswerOptions> options,
    TimeProvider time,
    Kernel kernel,
    IdentifierMasker identifiers,
    ICopilotTools? tools = null,
    StatuteQueryRewriter? rewriter = null)
{
    /// <param name="advisorId">When given and a model is configured, the model may call the advisor's tools (look up a client, draft a message).</param>
    /// <param name="actor">Who asks: the tools' actions are audited as theirs (default: the advisor).</param>
    /// <param name="streamModel">
    /// Whether the model is asked for a stream: only a caller that relays pieces needs one. A whole answer asked for whole
    /// arrives in one read instead of a chunked stream the client parses piece by piece (and which a server writing small
    /// pieces can hold back for a delayed acknowledgement; see docs/benchmarks.md).
    /// </param>
    public async IAsyncEnumerable<AnswerEvent> StreamAsync(
        string question, IReadOnlyList<ChatTurn> history, KnowledgeFilter filter, [EnumeratorCancellation] CancellationToken ct,
        string? advisorId = null, string? actor = null, bool streamModel = true)
    {
        // ID card, bank card, phone and account numbers never reach the model or the embeddings unless a setting allows it.
        question = identifiers.Mask(question);
        history = history.Select(turn => turn with { Content = identifiers.Mask(turn.Content) }).ToList();
        // Whose budget the condenser, the query embedding and the answer spend; set again after each yield because
        // an async iterator resumes in its caller's context.
        var call = ModelCallContext.Begin(ModelPurpose.Chat, advisorId);
        var query = await condenser.CondenseAsync(history, question, ct);
        var hits = await RetrieveAsync(query, filter, ct);
        call.Dispose();

        if (generator.IsTemplate)
        {
            var quoted = TemplateAnswerWriter.Write(question, hits);
            yield return new AnswerDelta(quoted);
            yield return new AnswerCompleted(new GroundedAnswer(
                quoted, hits.Select((hit, i) => PassageFormatter.ToCitation(i + 1, hit)).ToList(), generator.Name, []));
            yield break;
        }

        // The model answers through Semantic Kernel, which runs any tool calls it makes (FunctionChoiceBehavior.Auto).
        var turnKernel = kernel.Clone();
        var toolset = advisorId is not null && tools is not null ? tools.For(advisorId, actor ?? advisorId) : null;
        foreach (var plugin in toolset?.Plugins ?? []) turnKernel.Plugins.Add(plugin);
        // The turns keep their roles, but their text is fenced: earlier answers and pasted text are data, not instructions.
        var fence = DataFence.New();
        turnKernel.AutoFunctionInvocationFilters.Add(new FencedToolResults(fence));
        var chat = new ChatHistory(await SystemPromptAsync(question, hits, fence, ct));
        foreach (var turn in history)
            chat.AddMessage(turn.Role == ChatTurn.User ? AuthorRole.User : AuthorRole.Assistant,
                turn.Role == ChatTurn.User ? fence.Wrap("employee-message", turn.Content) : fence.Wrap("earlier-answer", turn.Content));
        chat.AddUserMessage(fence.Wrap("employee-message", question));

        var answer = new StringBuilder();
        var completion = turnKernel.GetRequiredService<IChatCompletionService>();
        call = ModelCallContext.Begin(ModelPurpose.Chat, advisorId);
        if (!streamModel)
        {
            var reply = await completion.GetChatMessageContentAsync(chat, Settings(), turnKernel, ct);
            answer.Append(reply.Content);
        }
        else await foreach (var update in completion.GetStreamingChatMessageContentsAsync(chat, Settings(), turnKernel, ct))
        {
            if (string.IsNullOrEmpty(update.Content)) continue;
            answer.Append(update.Content);
            call.Dispose();
            yield return new AnswerDelta(update.Content);
            call = ModelCallContext.Begin(ModelPurpose.Chat, advisorId);
        }
        call.Dispose();
        if (!streamModel && answer.Length > 0) yield return new AnswerDelta(answer.ToString());
        if (toolset is { CreatedDraftIds.Count: > 0 })
        {
            // The drafts are linked whatever the model wrote, so the advisor always finds what awaits review.
            var links = LinksTo(toolset.CreatedDraftIds, LanguageDetector.IsChinese(question));
            answer.Append(links);
            yield return new AnswerDelta(links);
        }
        var text = answer.ToString();
        yield return new AnswerCompleted(new GroundedAnswer(text, CitationExtractor.Extract(text, hits), generator.Name, toolset?.CreatedDraftIds.ToList() ?? []));
    }

    /// <summary>
    /// In model mode the question is searched as asked and in the statutes' words, the two rankings fused. The question as asked
    /// is ranked while the model is rewriting it (the rewrite's call is in flight before the search starts), so only the
    /// rewrite's own search waits for the model's reply.
    /// </summary>
    private async Task<IReadOnlyList<SearchHit>> RetrieveAsync(string query, KnowledgeFilter filter, CancellationToken ct)
    {
        var passages = options.Value.Passages;
        if (rewriter is null || !options.Value.RewriteQueries) return await search.SearchAsync(query, passages, filter, ct);
        var rewriting = rewriter.QueriesAsync(query, ct);
        IReadOnlyList<SearchHit> asked;
        try
        {
            asked = await search.RankAsync(query, passages, filter, ct);
        }
        catch
        {
            // The rewrite never fails its caller (it falls back to the question), but its task must still be awaited.
            await rewriting;
            throw;
        }
        var queries = await rewriting;
        var rankings = new List<IReadOnlyList<SearchHit>> { asked };
        foreach (var rewrite in queries.Skip(1).Where(q => !string.IsNullOrWhiteSpace(q) && q != query).Distinct())
            rankings.Add(await search.RankAsync(rewrite, passages, filter, ct));
        return KnowledgeSearch.Fuse(rankings, passages);
    }

    private PromptExecutionSettings Settings()
    {
        var options = prompts.ChatOptionsFor("chat-answer");
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(), ExtensionData = new Dictionary<string, object>() };
        if (options.Temperature is { } temperature) settings.ExtensionData["temperature"] = temperature;
        if (options.MaxOutputTokens is { } max) settings.ExtensionData["max_tokens"] = max;
        return settings;
    }

    private static string LinksTo(IEnumerable<string> draftIds, bool chinese) =>
        (chinese ? "\n\n已生成草稿，等待合规审核：" : "\n\nDraft created, awaiting compliance review: ")
        + string.Join(chinese ? "、" : ", ", draftIds.Select(id => $"/v1/drafts/{id}"));

    public async Task<GroundedAnswer> AnswerAsync(
        string question, IReadOnlyList<ChatTurn> history, KnowledgeFilter filter, CancellationToken ct, string? advisorId = null, string? actor = null)
    {
        await foreach (var item in StreamAsync(question, history, filter, ct, advisorId, actor, streamModel: false))
            if (item is AnswerCompleted completed) return completed.Answer;
        throw new InvalidOperationException("The answer stream ended without an answer.");
    }

    private Task<string> SystemPromptAsync(string question, IReadOnlyList<SearchHit> hits, DataFence fence, CancellationToken ct) =>
        prompts.RenderAsync("chat-answer", fence, new Dictionary<string, object?>
        {
            ["firm"] = options.Value.FirmName,
            ["today"] = DateOnly.FromDateTime(time.GetLocalNow().DateTime).ToString("yyyy-MM-dd"),
            ["language"] = LanguageDetector.Detect(question),
            ["passages"] = PassageFormatter.ForPrompt(hits, fence),
        }, ct);
}
