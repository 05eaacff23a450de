namespace Copilot.Knowledge.Index;

/// <summary>Where chunks live and are searched: Lucene on disk by default, Qdrant to scale out.</summary>
public interface IKnowledgeIndex
{
    /// <summary>Replaces every chunk of the document at once; if this throws, the previous version stays searchable.</summary>
    Task ReplaceDocumentAsync(DocumentMetadata document, IReadOnlyList<IndexedChunk> chunks, CancellationToken ct);

    /// <summary>Removes every chunk of the document; returns how many were removed.</summary>
    Task<int> DeleteDocumentAsync(string documentId, CancellationToken ct);

    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken ct);

    Task<long> CountChunksAsync(CancellationToken ct);

    /// <summary>One chunk by its id with its document's metadata (score 0), or null: what a citation opens.</summary>
    Task<SearchHit?> FindChunkAsync(string chunkId, CancellationToken ct);
}

/// <summary>A chunk ready for the index, with its embedding when embeddings are configured.</summary>
public sealed record IndexedChunk(KnowledgeChunk Chunk, ReadOnlyMemory<float>? Vector);
