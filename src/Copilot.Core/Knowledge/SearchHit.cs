namespace Copilot.Knowledge;

/// <summary>One retrieved chunk with its document's metadata and a fused relevance score.</summary>
public sealed record SearchHit(KnowledgeChunk Chunk, DocumentMetadata Document, double Score);

/// <summary>
/// What an index is asked: the text, optionally its embedding, how many hits and which documents, and what the domain
/// dictionary adds to the text (searched at lower weight, product codes matched exactly).
/// </summary>
public sealed record SearchRequest(
    string Query, int Top, KnowledgeFilter Filter, ReadOnlyMemory<float>? QueryVector = null, Dictionary.QueryExpansion? Expansion = null);
