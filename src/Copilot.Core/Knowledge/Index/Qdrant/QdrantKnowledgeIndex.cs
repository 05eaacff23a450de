using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Copilot.Knowledge.Index.Qdrant;

/// <summary>
/// The scale-out index: chunks as Qdrant points with an IDF-weighted sparse vector of analyzed terms and, when
/// embeddings are on, a dense vector; hybrid searches fuse both rankings on the server by reciprocal rank.
/// </summary>
public sealed class QdrantKnowledgeIndex : IKnowledgeIndex, IDisposable
{
    public const int DefaultCandidatePool = 40;

    // Keeps each upsert request well under gRPC and Qdrant message limits even with large embeddings.
    private const int UpsertBatchSize = 64;

    private readonly QdrantClient _client;
    private readonly QdrantCollection _collection;
    private readonly SparseTermEncoder _encoder = new();
    private readonly int _candidatePool;
    private readonly int _maxQueryTerms;
    private readonly ILogger _logger;
    private int _warnedNoDense;

    public QdrantKnowledgeIndex(
        QdrantClient client, string collection, int candidatePool = DefaultCandidatePool, ILogger<QdrantKnowledgeIndex>? logger = null,
        int maxQueryTerms = KnowledgeOptions.DefaultMaxQueryTerms)
    {
        _maxQueryTerms = maxQueryTerms;
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        _client = client;
        _collection = new QdrantCollection(client, collection);
        _candidatePool = candidatePool;
        _logger = logger ?? NullLogger<QdrantKnowledgeIndex>.Instance;
    }

    /// <summary>
    /// Qdrant has no transactions, so a replace writes the new version's points beside the old ones and only then
    /// deletes the old: a failure part-way removes what was written and leaves the old version untouched.
    /// </summary>
    public async Task ReplaceDocumentAsync(DocumentMetadata document, IReadOnlyList<IndexedChunk> chunks, CancellationToken ct)
    {
        // An empty embedding is no embedding; taking its length would declare a zero-dimensional dense vector.
        var denseSize = chunks.Select(chunk => chunk.Vector?.Length).FirstOrDefault(length => length > 0);
        var shape = await _collection.EnsureAsync(denseSize, ct);
        var withDense = AcceptsDenseVectors(shape, denseSize);
        var version = Guid.NewGuid().ToString("N");
        var points = chunks.Select(chunk => QdrantPointMapper.ToPoint(document, chunk, version, _encoder, withDense)).ToList();
        try
        {
            foreach (var batch in points.Chunk(UpsertBatchSize))
                await _client.UpsertAsync(_collection.Name, batch, wait: true, cancellationToken: ct);
        }
        catch
        {
            await RemovePartialVersionAsync(document.Id, version);
            throw;
        }
        // Not cancellable: once the new version is whole, leaving the old beside it would duplicate every hit.
        await _client.DeleteAsync(_collection.Name, QdrantFilters.DocumentExceptVersion(document.Id, version),
            cancellationToken: CancellationToken.None);
    }

    public async Task<int> DeleteDocumentAsync(string documentId, CancellationToken ct)
    {
        if (await _collection.InspectAsync(ct) is null) return 0;
        var filter = QdrantFilters.Document(documentId);
        var count = await _client.CountAsync(_collection.Name, filter, exact: true, cancellationToken: ct);
        await _client.DeleteAsync(_collection.Name, filter, cancellationToken: ct);
        return (int)count;
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        if (request.Top <= 0 || await _collection.InspectAsync(ct) is not { } shape) return [];
        var filter = QdrantFilters.For(request.Filter);
        var lexical = _encoder.ForQuery(request.Query, _maxQueryTerms, request.Expansion);
        var dense = UsableQueryVector(shape, request.QueryVector);
        var pool = (ulong)Math.Max(_candidatePool, request.Top);
        var limit = (ulong)request.Top;

        IReadOnlyList<ScoredPoint> points = (lexical.Indices.Length > 0, dense) switch
        {
            (true, { } vector) => await _client.QueryAsync(_collection.Name, Fusion.Rrf,
                prefetch:
                [
                    new PrefetchQuery { Query = vector, Using = QdrantFields.DenseVector, Filter = filter, Limit = pool },
                    new PrefetchQuery { Query = lexical, Using = QdrantFields.LexicalVector, Filter = filter, Limit = pool },
                ],
                filter: filter, limit: limit, payloadSelector: true, cancellationToken: ct),
            (true, null) => await _client.QueryAsync(_collection.Name, lexical, usingVector: QdrantFields.LexicalVector,
                filter: filter, limit: limit, payloadSelector: true, cancellationToken: ct),
            (false, { } vector) => await _client.QueryAsync(_collection.Name, vector, usingVector: QdrantFields.DenseVector,
                filter: filter, limit: limit, payloadSelector: true, cancellationToken: ct),
            _ => [],
        };
        return points.Select(QdrantPointMapper.ToHit).ToList();
    }

    public async Task<long> CountChunksAsync(CancellationToken ct) =>
        await _collection.InspectAsync(ct) is null ? 0 : (long)await _client.CountAsync(_collection.Name, exact: true, cancellationToken: ct);

    public async Task<SearchHit?> FindChunkAsync(string chunkId, CancellationToken ct)
    {
        if (await _collection.InspectAsync(ct) is null) return null;
        // A replace leaves two versions side by side for a moment; either one is the chunk's text.
        var found = await _client.ScrollAsync(_collection.Name, QdrantFilters.Chunk(chunkId), limit: 1, payloadSelector: true, cancellationToken: ct);
        return found.Result.Count == 0 ? null : QdrantPointMapper.ToHit(found.Result[0].Payload, 0);
    }

    private bool AcceptsDenseVectors(CollectionShape shape, int? denseSize)
    {
        if (denseSize is not { } size) return false;
        if (shape.DenseSize is null)
        {
            // Embeddings were switched on after the collection was made; stay lexical rather than refuse documents.
            if (Interlocked.Exchange(ref _warnedNoDense, 1) == 0)
                _logger.LogWarning("Qdrant collection {Collection} has no dense vectors, so chunks are indexed for lexical search only; " +
                    "point Qdrant:Collection at a new collection and re-seed to search by embedding too", _collection.Name);
            return false;
        }
        if (shape.DenseSize != size)
            throw new InvalidOperationException(
                $"Qdrant collection '{_collection.Name}' holds {shape.DenseSize}-dimensional embeddings but the embedding model produced {size}; " +
                "the model changed, so point Qdrant:Collection at a new collection and re-seed.");
        return true;
    }

    private float[]? UsableQueryVector(CollectionShape shape, ReadOnlyMemory<float>? vector)
    {
        if (vector is not { IsEmpty: false } query || shape.DenseSize is not { } size) return null;
        if (query.Length == size) return query.ToArray();
        _logger.LogWarning("Query embedding has {Length} dimensions but collection {Collection} holds {Size}; searching lexically",
            query.Length, _collection.Name, size);
        return null;
    }

    private async Task RemovePartialVersionAsync(string documentId, string version)
    {
        try
        {
            // Not cancellable: a cancelled write is the usual reason to be here, and its points must still go.
            await _client.DeleteAsync(_collection.Name, QdrantFilters.DocumentVersion(documentId, version), cancellationToken: CancellationToken.None);
        }
        catch (Exception error)
        {
            // The next replace of the document deletes every other version, these points included.
            _logger.LogWarning(error, "Could not remove partly written version {Version} of document {DocumentId}", version, documentId);
        }
    }

    public void Dispose()
    {
        _encoder.Dispose();
        _collection.Dispose();
    }
}
