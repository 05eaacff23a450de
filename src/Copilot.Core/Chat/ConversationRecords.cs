namespace Copilot.Chat;

/// <summary>A persisted chat between an employee and the copilot.</summary>
public sealed class Conversation
{
    public required string Id { get; set; }

    /// <summary>The advisor the conversation belongs to (null: an employee not acting for an advisor); only they continue it.</summary>
    public string? AdvisorId { get; set; }

    /// <summary>The caller that started it (an API key's name, a signed-in user's subject); only they read or continue it. Null on conversations from before it was recorded.</summary>
    public string? Owner { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public List<ConversationMessage> Messages { get; set; } = [];
}

/// <summary>One turn of a conversation; assistant turns keep their citations as JSON.</summary>
public sealed class ConversationMessage
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }
    public required string Role { get; set; }
    public required string Content { get; set; }
    public string? CitationsJson { get; set; }
    public string? Generator { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A conversation in a list: its id, advisor, first question (cut to 60 characters) and when it was last active.</summary>
public sealed record ConversationSummary(string Id, string? AdvisorId, string Title, DateTime CreatedAtUtc, DateTime UpdatedAtUtc);
