namespace Copilot.Knowledge;

/// <summary>The kind of content a document is.</summary>
public enum DocumentType { Research, Compliance, Product, Faq }

/// <summary>Who may see a document: employees only, or clients too.</summary>
public enum Audience { Internal, Client }

/// <summary>What the firm knows about a document, beside its text.</summary>
public sealed record DocumentMetadata
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required DocumentType Type { get; init; }
    public string? Publisher { get; init; }
    public DateOnly? Published { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public IReadOnlyList<string> ProductCodes { get; init; } = [];
    /// <summary>Product risk level R1–R5, for product documents.</summary>
    public string? RiskLevel { get; init; }
    public int? LockupMonths { get; init; }
    public Audience Audience { get; init; } = Audience.Internal;
    /// <summary>BCP 47 language tag, e.g. zh-CN or en.</summary>
    public string Language { get; init; } = "zh-CN";

    public bool IsValidOn(DateOnly day) => ValidUntil is null || ValidUntil >= day;
}
