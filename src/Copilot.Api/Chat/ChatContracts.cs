using Copilot.Api.Knowledge;
using Copilot.Chat;

namespace Copilot.Api.Chat;

/// <summary>
/// A question to the copilot; omit conversationId to start a new conversation. With advisorId (and a model), the
/// copilot may look up that advisor's clients and draft messages for review.
/// </summary>
public sealed record ChatRequestBody(string? Message, string? ConversationId, KnowledgeFilterFields? Filters, string? AdvisorId = null);

/// <summary>The answer, the passages it cites, what generated it ("template" or "llm:&lt;model&gt;"), and drafts it created.</summary>
public sealed record ChatResponse(string ConversationId, string Answer, IReadOnlyList<Citation> Citations, string Generator, IReadOnlyList<string> DraftIds)
{
    public static ChatResponse From(string conversationId, GroundedAnswer answer) =>
        new(conversationId, answer.Answer, answer.Citations, answer.Generator, answer.DraftIds);
}

/// <summary>First streamed event: which conversation this is and what is answering.</summary>
public sealed record ChatStreamStarted(string ConversationId, string Generator);

/// <summary>A streamed piece of the answer.</summary>
public sealed record ChatStreamDelta(string Text);

/// <summary>A conversation's messages, oldest first.</summary>
public sealed record ConversationResponse(string ConversationId, IReadOnlyList<ConversationMessageResponse> Messages);

/// <summary>One message of a conversation.</summary>
public sealed record ConversationMessageResponse(string Role, string Content, IReadOnlyList<Citation>? Citations, string? Generator, DateTime CreatedAtUtc);

/// <summary>The caller's conversations, most recently active first.</summary>
public sealed record ConversationListResponse(IReadOnlyList<ConversationSummary> Conversations);
