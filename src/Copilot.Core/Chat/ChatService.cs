using System.Runtime.CompilerServices;
using Copilot.Common;
using Copilot.Knowledge;
using Copilot.Privacy;
using Copilot.Llm;
using Microsoft.Extensions.Options;

namespace Copilot.Chat;

/// <summary>An employee's question in a conversation.</summary>
/// <param name="Owner">The caller (a key's name, a signed-in user's subject): a conversation is theirs alone to read and continue.</param>
/// <param name="Actor">Who the copilot's tools act as on the audit trail (default: the owner).</param>
/// <param name="Streamed">Whether the caller relays the answer piece by piece; when not, the model is asked for the whole answer at once.</param>
public sealed record ChatRequest(
    string Message, string? ConversationId, KnowledgeFilter Filter, string? AdvisorId = null, string? Owner = null, string? Actor = null, bool Streamed = true);

/// <summary>A conversation turn that has been accepted and is ready to stream.</summary>
public sealed record ChatSession(string ConversationId, IAsyncEnumerable<AnswerEvent> Events);

/// <summary>Multi-turn chat: loads the conversation's history, answers, and stores both turns when the answer is complete.</summary>
public sealed class ChatService(
    GroundedAnswerer answerer, ConversationStore conversations, IOptions<ChatAnswerOptions> options, IOptions<InputLimitsOptions> limits,
    IdentifierMasker identifiers, ModelBudget budget)
{
    /// <summary>Validates the request and finds a follow-up's conversation before anything streams, so errors can still be HTTP errors.</summary>
    public async Task<ChatSession> StartAsync(ChatRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Message))
            throw new InputValidationException("message", "The question must not be empty.");
        if (request.Message.Length > limits.Value.MessageChars)
            throw new InputValidationException("message", $"The question is longer than {limits.Value.MessageChars:N0} characters.");
        // Before anything is stored: a refused turn leaves no conversation behind.
        await budget.EnsureAvailableAsync(request.AdvisorId, ct);

        // A first question has no history and its conversation is stored with its first turn, after the answer: nothing is
        // read or written before the model is asked.
        if (request.ConversationId is not { } existing)
        {
            var id = ConversationStore.NewId();
            return new ChatSession(id, RunAsync(id, started: true, request, [], ct));
        }
        // Someone else's conversation is answered as if it did not exist: its history may hold an advisor's clients.
        if (await conversations.FindAsync(existing, ct) is not { } found || !ConversationStore.Owns(found, request.Owner, request.AdvisorId))
            throw new InputValidationException("conversationId", $"No conversation '{existing}'; omit it to start a new one.", unprocessable: true);
        var history = (await conversations.MessagesAsync(existing, options.Value.HistoryMessages, ct))
            .Select(m => new ChatTurn(m.Role, m.Content)).ToList();
        return new ChatSession(existing, RunAsync(existing, started: false, request, history, ct));
    }

    private async IAsyncEnumerable<AnswerEvent> RunAsync(
        string id, bool started, ChatRequest request, IReadOnlyList<ChatTurn> history, [EnumeratorCancellation] CancellationToken ct)
    {
        // The conversation keeps the question as the model saw it: identifiers masked, so its history never holds them either.
        var question = identifiers.Mask(request.Message.Trim());
        // Both turns are stored only with a complete answer (a new conversation with them), so a fault leaves neither a half
        // answer nor an empty conversation.
        await foreach (var item in answerer.StreamAsync(question, history, request.Filter, ct, request.AdvisorId, request.Actor ?? request.Owner, request.Streamed))
        {
            if (item is AnswerCompleted completed)
            {
                if (started) await conversations.StartAsync(id, request.AdvisorId, request.Owner, question, completed.Answer, ct);
                else await conversations.AppendAsync(id, question, completed.Answer, ct);
            }
            yield return item;
        }
    }
}
