using System.ComponentModel.DataAnnotations;

namespace Copilot.Common;

/// <summary>
/// Configuration section "Limits": how much a caller may send. Everything that reaches a prompt, the index or the
/// records is bounded here; over a limit is a problem naming the field, never a silent cut.
/// </summary>
public sealed class InputLimitsOptions
{
    public const string Section = "Limits";

    /// <summary>The largest JSON body any endpoint reads (document uploads have Knowledge:MaxUploadBytes).</summary>
    [Range(4096, 64L * 1024 * 1024)]
    public long JsonBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>A chat question, and each message of a /v1/chat/completions request.</summary>
    [Range(100, 100_000)]
    public int MessageChars { get; set; } = 8000;

    /// <summary>Earlier messages a /v1/chat/completions request may carry.</summary>
    [Range(0, 1000)]
    public int HistoryTurns { get; set; } = 50;

    /// <summary>All messages of a /v1/chat/completions request together.</summary>
    [Range(1000, 1_000_000)]
    public int HistoryChars { get; set; } = 32_000;

    /// <summary>A client's name, lifecycle stage, and a holding's code or name.</summary>
    [Range(8, 1000)]
    public int NameChars { get; set; } = 64;

    /// <summary>Tags on a client.</summary>
    [Range(0, 1000)]
    public int Tags { get; set; } = 20;

    /// <summary>One tag.</summary>
    [Range(1, 1000)]
    public int TagChars { get; set; } = 32;

    /// <summary>Holdings on a client.</summary>
    [Range(0, 10_000)]
    public int Holdings { get; set; } = 100;

    /// <summary>Products on a draft or a compliance check.</summary>
    [Range(0, 1000)]
    public int Products { get; set; } = 20;

    /// <summary>A scenario's notes, a reviewer's comment, a revision's notes.</summary>
    [Range(100, 100_000)]
    public int NotesChars { get; set; } = 2000;

    /// <summary>Text a reviewer edits in or an advisor revises to, before the channel's own limit applies.</summary>
    [Range(100, 100_000)]
    public int DraftTextChars { get; set; } = 4000;

    /// <summary>A knowledge document's title, publisher, language, and each product code.</summary>
    [Range(8, 10_000)]
    public int MetadataChars { get; set; } = 200;

    /// <summary>Product codes on a knowledge document.</summary>
    [Range(0, 1000)]
    public int ProductCodes { get; set; } = 50;
}
