namespace Copilot.Chat;

/// <summary>A numbered source of an answer; the number matches the [n] in the answer text.</summary>
/// <param name="ChunkId">The cited passage, for <c>GET /v1/knowledge/chunks/{chunkId}</c> (null on answers stored before it was recorded).</param>
public sealed record Citation(int Index, string DocumentId, string Title, string Section, string Snippet, string? ChunkId = null);

/// <summary>One earlier turn of a conversation, as the model sees it.</summary>
public sealed record ChatTurn(string Role, string Content)
{
    public const string User = "user";
    public const string Assistant = "assistant";
}

/// <summary>A finished answer with its sources, what generated it, and any drafts its tools created.</summary>
public sealed record GroundedAnswer(string Answer, IReadOnlyList<Citation> Citations, string Generator, IReadOnlyList<string> DraftIds);

/// <summary>Something that happens while an answer streams: a piece of text, then the finished answer.</summary>
public abstract record AnswerEvent;

public sealed record AnswerDelta(string Text) : AnswerEvent;

public sealed record AnswerCompleted(GroundedAnswer Answer) : AnswerEvent;
