using System.Runtime.CompilerServices;
using Copilot.Common;
using Copilot.Knowledge;
using Microsoft.Extensions.Options;

namespace Copilot.Chat;

/// <summary>An employee's question in a conversation.</summary>
/// <param name="Owner">The caller (a key's name, a signed-in user's subject): a conversation is theirs alone to read and continue.</param>
/// <param name="Actor">Who the copilot's tools act as on the audit trail (default: the owner).</param>
public sealed record ChatRequest(string Message, string? ConversationId, KnowledgeFilter Filter, string? AdvisorId = null, string? Owner = null, string? Actor = null);

/// <summary>A conversation turn that has been accepted and is ready to stream.</summary>
public sealed record ChatSession(string ConversationId, IAsyncEnumerable<AnswerEvent> Events);

/// <summary>Multi-turn chat: loads the conversation's history, answers, and stores both turns when the answer is complete.</summary>
public sealed class ChatService(GroundedAnswerer answerer, ConversationStore conversations, IOptions<ChatAnswerOptions> options)
{
    /// <summary>Validates the request and opens the conversation before anything streams, so errors can still be HTTP errors.</summary>
    public async Task<ChatSession> StartAsync(ChatRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Message))
            throw new InputValidationException("message", "The question must not be empty.");
        if (request.Message.Length > 8000)
            throw new InputValidationException("message", "The question is longer than 8,000 characters.");

        string id;
        if (request.ConversationId is { } existing)
        {
            // Someone else's conversation is answered as if it did not exist: its history may hold an advisor's clients.
            if (await conversations.FindAsync(existing, ct) is not { } found || !ConversationStore.Owns(found, request.Owner, request.AdvisorId))
                throw new InputValidationException("conversationId", $"No conversation '{existing}'; omit it to start a new one.", unprocessable: true);
            id = existing;
        }
        else
        {
            id = await conversations.CreateAsync(request.AdvisorId, request.Owner, ct);
        }
        var history = (await conversations.MessagesAsync(id, options.Value.HistoryMessages, ct))
            .Select(m => new ChatTurn(m.Role, m.Content)).ToList();
        return new ChatSession(id, RunAsync(id, request, history, ct));
    }

    private async IAsyncEnumerable<AnswerEvent> RunAsync(
        string id, ChatRequest request, IReadOnlyList<ChatTurn> history, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var item in answerer.StreamAsync(request.Message.Trim(), history, request.Filter, ct, request.AdvisorId, request.Actor ?? request.Owner))
        {
            if (item is AnswerCompleted completed)
                await conversations.AppendAsync(id, request.Message.Trim(), completed.Answer, ct);
            yield return item;
        }
    }
}
