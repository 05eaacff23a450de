namespace Copilot.Knowledge;

/// <summary>The catalog row of an ingested document: what it is, how it was split, and when.</summary>
public sealed class KnowledgeDocumentRecord
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public DocumentType Type { get; set; }
    public Audience Audience { get; set; }
    public required string Language { get; set; }
    /// <summary>The whole <see cref="DocumentMetadata"/> as JSON.</summary>
    public required string MetadataJson { get; set; }
    public string? SourceName { get; set; }
    public required string ContentSha256 { get; set; }
    public int Chunks { get; set; }
    public int Tokens { get; set; }
    public int Version { get; set; }
    public DateTime IngestedAtUtc { get; set; }
}
