using System.ComponentModel.DataAnnotations;

namespace Copilot.Chat;

/// <summary>Configuration section "Chat": how answers are grounded and how much history is used.</summary>
public sealed class ChatAnswerOptions
{
    public const string Section = "Chat";

    /// <summary>The firm's display name, used in prompts and answers.</summary>
    [Required]
    public string FirmName { get; set; } = "示例证券";

    /// <summary>How many passages ground an answer.</summary>
    [Range(1, 20)]
    public int Passages { get; set; } = 5;

    /// <summary>How many earlier messages of a conversation are sent with a question.</summary>
    [Range(0, 50)]
    public int HistoryMessages { get; set; } = 8;

    /// <summary>
    /// In model mode, also search the question as the model rewrites it into the statutes' words (prompts/statute-rewrite)
    /// and fuse both rankings. One more short model call per question; off leaves retrieval lexical and dense only.
    /// </summary>
    public bool RewriteQueries { get; set; } = true;
}
