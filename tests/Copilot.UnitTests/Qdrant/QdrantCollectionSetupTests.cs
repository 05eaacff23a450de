using Copilot.Knowledge;
using Qdrant.Client.Grpc;
using static Copilot.UnitTests.Qdrant.QdrantTestDocuments;

namespace Copilot.UnitTests.Qdrant;

public sealed class QdrantCollectionSetupTests : IDisposable
{
    private readonly QdrantIndexHarness _qdrant = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task First_write_creates_a_collection_with_a_named_cosine_dense_vector_and_an_idf_sparse_vector()
    {
        await _qdrant.Index.ReplaceDocumentAsync(Macro, MacroChunks(), _ct);

        var create = Assert.Single(_qdrant.Server.Requests<CreateCollection>());
        Assert.Equal(QdrantIndexHarness.CollectionName, create.CollectionName);
        var dense = Assert.Single(create.VectorsConfig.ParamsMap.Map);
        Assert.Equal("dense", dense.Key);
        Assert.Equal(3ul, dense.Value.Size);
        Assert.Equal(Distance.Cosine, dense.Value.Distance);
        var sparse = Assert.Single(create.SparseVectorsConfig.Map);
        Assert.Equal("lexical", sparse.Key);
        Assert.Equal(Modifier.Idf, sparse.Value.Modifier);
    }

    [Fact]
    public async Task Payload_indexes_are_created_with_the_collection()
    {
        await _qdrant.Index.ReplaceDocumentAsync(Macro, MacroChunks(), _ct);

        var indexes = _qdrant.Server.Requests<CreateFieldIndexCollection>().ToDictionary(index => index.FieldName, index => index.FieldType);
        Assert.Equal(new Dictionary<string, FieldType>
        {
            ["document_id"] = FieldType.Keyword,
            ["type"] = FieldType.Keyword,
            ["audience"] = FieldType.Keyword,
            ["product_codes"] = FieldType.Keyword,
            ["language"] = FieldType.Keyword,
            ["valid_until"] = FieldType.Integer,
        }, indexes);
    }

    [Fact]
    public async Task Without_embeddings_the_collection_has_only_the_sparse_vector()
    {
        await _qdrant.Index.ReplaceDocumentAsync(Macro, MacroChunks(withVectors: false), _ct);

        var create = Assert.Single(_qdrant.Server.Requests<CreateCollection>());
        Assert.Null(create.VectorsConfig);
        Assert.All(_qdrant.Collection.Points, point => Assert.Equal(["lexical"], point.Vectors.Vectors_.Vectors.Keys));
    }

    [Fact]
    public async Task Empty_embeddings_count_as_none()
    {
        var chunks = MacroChunks(withVectors: false).Select(chunk => chunk with { Vector = ReadOnlyMemory<float>.Empty }).ToList();

        await _qdrant.Index.ReplaceDocumentAsync(Macro, chunks, _ct);

        Assert.Null(Assert.Single(_qdrant.Server.Requests<CreateCollection>()).VectorsConfig);
        Assert.All(_qdrant.Collection.Points, point => Assert.Equal(["lexical"], point.Vectors.Vectors_.Vectors.Keys));
    }

    [Fact]
    public async Task An_existing_collection_is_reused_and_its_missing_payload_indexes_added()
    {
        await _qdrant.Index.ReplaceDocumentAsync(Macro, MacroChunks(), _ct);
        _qdrant.Server.ClearRequests();

        await _qdrant.NewIndex().ReplaceDocumentAsync(BalancedFund, BalancedFundChunks(), _ct);

        Assert.Empty(_qdrant.Server.Requests<CreateCollection>());
        Assert.Empty(_qdrant.Server.Requests<CreateFieldIndexCollection>());
        Assert.Equal(4, _qdrant.Collection.Points.Count);
    }

    [Fact]
    public async Task Embeddings_of_another_size_are_refused_before_anything_is_written()
    {
        await _qdrant.Index.ReplaceDocumentAsync(Macro, MacroChunks(), _ct);
        _qdrant.Server.ClearRequests();
        var resized = Chunks(Macro, true, ("Rates", "Central banks will hold interest rates.", [1f, 0f, 0f, 0f]));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _qdrant.Index.ReplaceDocumentAsync(Macro, resized, _ct));

        Assert.Contains("Qdrant:Collection", error.Message);
        Assert.Empty(_qdrant.Server.Requests<UpsertPoints>());
        Assert.Equal(2, _qdrant.StoredTexts(Macro.Id).Count);
    }

    [Fact]
    public async Task Embeddings_arriving_at_a_collection_made_without_them_are_left_out_rather_than_refused()
    {
        await _qdrant.Index.ReplaceDocumentAsync(Macro, MacroChunks(withVectors: false), _ct);

        await _qdrant.NewIndex().ReplaceDocumentAsync(BalancedFund, BalancedFundChunks(), _ct);

        Assert.Equal(2, _qdrant.StoredTexts(BalancedFund.Id).Count);
        Assert.All(_qdrant.Collection.Points, point => Assert.DoesNotContain("dense", point.Vectors.Vectors_.Vectors.Keys));
    }

    [Fact]
    public async Task Before_the_first_write_nothing_is_created_and_everything_is_empty()
    {
        Assert.Equal(0, await _qdrant.Index.CountChunksAsync(_ct));
        Assert.Equal(0, await _qdrant.Index.DeleteDocumentAsync(Macro.Id, _ct));
        Assert.Empty(await _qdrant.Index.SearchAsync(new SearchRequest("rates", 5, KnowledgeFilter.None, new float[] { 1, 0, 0 }), _ct));

        Assert.False(_qdrant.Server.HasCollection(QdrantIndexHarness.CollectionName));
        Assert.Empty(_qdrant.Server.Requests<CountPoints>());
        Assert.Empty(_qdrant.Server.Requests<QueryPoints>());
    }

    public void Dispose() => _qdrant.Dispose();
}
