using System.Text.Json;
using Copilot.Common;
using Copilot.Knowledge;

namespace Copilot.Api.Knowledge;

/// <summary>A document sent as JSON text; metadata fields as in the multipart form.</summary>
public sealed record CreateDocumentRequest(
    string? Id, string? Title, string? Text, string? Type, string? Publisher, string? Published, string? ValidUntil,
    IReadOnlyList<string>? ProductCodes, string? RiskLevel, int? LockupMonths, string? Audience, string? Language)
{
    public Dictionary<string, string?> ToFields() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = Id, ["title"] = Title, ["type"] = Type, ["publisher"] = Publisher, ["published"] = Published,
        ["validUntil"] = ValidUntil, ["productCodes"] = ProductCodes is null ? null : string.Join(',', ProductCodes),
        ["riskLevel"] = RiskLevel, ["lockupMonths"] = LockupMonths?.ToString(), ["audience"] = Audience, ["language"] = Language,
    };
}

/// <summary>The outcome of an upload.</summary>
public sealed record CreateDocumentResponse(string DocumentId, int Chunks, string Status, int Version);

/// <summary>A catalog entry: the document's metadata and how it was indexed.</summary>
public sealed record DocumentResponse(
    string Id, string Title, DocumentType Type, Audience Audience, string Language, string? Publisher, DateOnly? Published,
    DateOnly? ValidUntil, IReadOnlyList<string> ProductCodes, string? RiskLevel, int? LockupMonths,
    int Chunks, int Tokens, int Version, string? SourceName, DateTime IngestedAtUtc, string Status)
{
    public static DocumentResponse From(KnowledgeDocumentRecord record)
    {
        var metadata = JsonSerializer.Deserialize<DocumentMetadata>(record.MetadataJson, CopilotJson.Options)!;
        return new(record.Id, record.Title, record.Type, record.Audience, record.Language, metadata.Publisher, metadata.Published,
            metadata.ValidUntil, metadata.ProductCodes, metadata.RiskLevel, metadata.LockupMonths,
            record.Chunks, record.Tokens, record.Version, record.SourceName, record.IngestedAtUtc, "indexed");
    }
}

/// <summary>The catalog.</summary>
public sealed record DocumentListResponse(IReadOnlyList<DocumentResponse> Documents);

/// <summary>Query string of a knowledge search.</summary>
public sealed record SearchParameters(string? Q, int? Top, string? Type, string? Audience, string? ProductCode, string? ValidOn, bool? IncludeExpired);

/// <summary>One search result.</summary>
public sealed record SearchResultItem(string DocumentId, string Title, string ChunkId, string Section, double Score, string Text, IReadOnlyList<string> Tags);

/// <summary>Search results, best first.</summary>
public sealed record SearchResponse(IReadOnlyList<SearchResultItem> Results);

/// <summary>One passage as a citation opens it: its text and section, and the document it comes from.</summary>
public sealed record ChunkResponse(string ChunkId, int Ordinal, string Section, string Text, ChunkDocument Document)
{
    public static ChunkResponse From(SearchHit hit) => new(hit.Chunk.ChunkId, hit.Chunk.Ordinal, hit.Chunk.Section, hit.Chunk.Text,
        new ChunkDocument(hit.Document.Id, hit.Document.Title, hit.Document.Type, hit.Document.Audience, hit.Document.Publisher,
            hit.Document.Published, hit.Document.ValidUntil, hit.Document.Language));
}

/// <summary>The document a passage belongs to.</summary>
public sealed record ChunkDocument(
    string Id, string Title, DocumentType Type, Audience Audience, string? Publisher, DateOnly? Published, DateOnly? ValidUntil, string Language);
