using Grpc.Core;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Copilot.Knowledge.Index.Qdrant;

/// <summary>
/// The chunk collection: created on first write with the vectors that write needs, then remembered together
/// with the size of its dense vectors (null when it was created without embeddings).
/// </summary>
internal sealed class QdrantCollection(QdrantClient client, string name) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private CollectionShape? _shape;

    public string Name => name;

    /// <summary>The collection's shape, or null when it does not exist yet.</summary>
    public async Task<CollectionShape?> InspectAsync(CancellationToken ct)
    {
        if (_shape is { } known) return known;
        await _lock.WaitAsync(ct);
        try
        {
            return _shape ??= await ReadAsync(ct);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The collection's shape, creating it — with dense vectors of <paramref name="denseSize"/> if given — when missing.</summary>
    public async Task<CollectionShape> EnsureAsync(int? denseSize, CancellationToken ct)
    {
        if (_shape is { } known) return known;
        await _lock.WaitAsync(ct);
        try
        {
            return _shape ??= await ReadAsync(ct) ?? await CreateAsync(denseSize, ct);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<CollectionShape?> ReadAsync(CancellationToken ct)
    {
        if (!await client.CollectionExistsAsync(name, ct)) return null;
        var info = await client.GetCollectionInfoAsync(name, ct);
        // A create that failed after the collection but before its payload indexes leaves them missing; add them now.
        foreach (var (field, schema) in QdrantFields.Indexed.Where(index => !info.PayloadSchema.ContainsKey(index.Field)))
            await client.CreatePayloadIndexAsync(name, field, schema, cancellationToken: ct);
        var vectors = info.Config?.Params?.VectorsConfig?.ParamsMap?.Map;
        return new CollectionShape(vectors is not null && vectors.TryGetValue(QdrantFields.DenseVector, out var dense) ? (int)dense.Size : null);
    }

    private async Task<CollectionShape> CreateAsync(int? denseSize, CancellationToken ct)
    {
        var dense = denseSize is { } size
            ? new VectorParamsMap { Map = { [QdrantFields.DenseVector] = new VectorParams { Size = (ulong)size, Distance = Distance.Cosine } } }
            : null;
        var sparse = new SparseVectorConfig { Map = { [QdrantFields.LexicalVector] = new SparseVectorParams { Modifier = Modifier.Idf } } };
        try
        {
            await client.CreateCollectionAsync(name, dense, sparseVectorsConfig: sparse, cancellationToken: ct);
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.AlreadyExists)
        {
            // Another instance created it between our check and our create; take theirs as it is.
            return await ReadAsync(ct) ?? throw new InvalidOperationException($"Qdrant collection '{name}' vanished while being created.", error);
        }
        foreach (var (field, schema) in QdrantFields.Indexed)
            await client.CreatePayloadIndexAsync(name, field, schema, cancellationToken: ct);
        return new CollectionShape(denseSize);
    }

    public void Dispose() => _lock.Dispose();
}

/// <summary>What the code needs to know of an existing collection.</summary>
internal sealed record CollectionShape(int? DenseSize);
