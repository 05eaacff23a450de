using Copilot.Api.Knowledge;
using Copilot.Chat;

namespace Copilot.Api.Chat;

/// <summary>A question to the copilot; omit conversationId to start a new conversation.</summary>
public sealed record ChatRequestBody(string? Message, string? ConversationId, KnowledgeFilterFields? Filters);

/// <summary>The answer, the passages it cites, and what generated it ("template" or "llm:&lt;model&gt;").</summary>
public sealed record ChatResponse(string ConversationId, string Answer, IReadOnlyList<Citation> Citations, string Generator);

/// <summary>First streamed event: which conversation this is and what is answering.</summary>
public sealed record ChatStreamStarted(string ConversationId, string Generator);

/// <summary>A streamed piece of the answer.</summary>
public sealed record ChatStreamDelta(string Text);

/// <summary>A conversation's messages, oldest first.</summary>
public sealed record ConversationResponse(string ConversationId, IReadOnlyList<ConversationMessageResponse> Messages);

/// <summary>One message of a conversation.</summary>
public sealed record ConversationMessageResponse(string Role, string Content, IReadOnlyList<Citation>? Citations, string? Generator, DateTime CreatedAtUtc);
