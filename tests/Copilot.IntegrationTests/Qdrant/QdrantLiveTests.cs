using Copilot.Knowledge;
using Copilot.Knowledge.Index;
using Copilot.Knowledge.Index.Qdrant;
using Qdrant.Client;

namespace Copilot.IntegrationTests.Qdrant;

/// <summary>The Qdrant index against a live server; each test works in its own collection, deleted afterwards.</summary>
public sealed class QdrantLiveTests : IAsyncLifetime
{
    private static readonly DocumentMetadata Macro = new()
    {
        Id = "macro-2025", Title = "Macro outlook 2025", Type = DocumentType.Research, Language = "en",
    };

    private static readonly DocumentMetadata Fund = new()
    {
        Id = "fund-abc", Title = "ABC Balanced Fund", Type = DocumentType.Product, Audience = Audience.Client,
        ProductCodes = ["ABC123"], ValidUntil = new DateOnly(2030, 12, 31), Language = "en",
    };

    private static readonly DocumentMetadata ClosedFund = new()
    {
        Id = "fund-old", Title = "Old Bond Fund", Type = DocumentType.Product, Audience = Audience.Client,
        ProductCodes = ["OLD9"], ValidUntil = new DateOnly(2020, 1, 1), Language = "en",
    };

    private readonly string _collection = $"copilot_test_{Guid.NewGuid():N}";
    private readonly CancellationToken _ct = CancellationToken.None;
    private QdrantClient? _client;
    private QdrantKnowledgeIndex? _index;

    private QdrantKnowledgeIndex Index => _index ?? throw new InvalidOperationException("QDRANT_URL is not set.");

    public Task InitializeAsync()
    {
        var url = Environment.GetEnvironmentVariable(QdrantLiveFactAttribute.UrlVariable);
        if (string.IsNullOrWhiteSpace(url)) return Task.CompletedTask;
        _client = new QdrantClient(new Uri(url), Environment.GetEnvironmentVariable(QdrantLiveFactAttribute.ApiKeyVariable));
        _index = new QdrantKnowledgeIndex(_client, _collection);
        return Task.CompletedTask;
    }

    [QdrantLiveFact]
    public async Task Lexical_search_ranks_by_terms_and_honours_filters()
    {
        await Index.ReplaceDocumentAsync(Macro, Chunks(Macro, withVectors: false,
            "Central banks will cut interest rates twice next year.", "Bond yields fall as inflation cools."), _ct);
        await Index.ReplaceDocumentAsync(Fund, Chunks(Fund, withVectors: false,
            "The balanced fund invests in bonds and equities.", "Lockup period is twelve months."), _ct);
        await Index.ReplaceDocumentAsync(ClosedFund, Chunks(ClosedFund, withVectors: false, "The bond fund was closed."), _ct);

        Assert.Equal(5, await Index.CountChunksAsync(_ct));
        var rates = await SearchAsync("interest rates", KnowledgeFilter.None);
        Assert.Equal("macro-2025#0000", rates[0].Chunk.ChunkId);
        Assert.Equal("Macro outlook 2025", rates[0].Document.Title);

        var products = await SearchAsync("bond", new KnowledgeFilter(Type: DocumentType.Product));
        Assert.Equal(["fund-abc", "fund-old"], products.Select(hit => hit.Document.Id).Distinct().Order());
        var valid = await SearchAsync("bond", new KnowledgeFilter(ProductCode: "abc123", ValidOn: new DateOnly(2025, 6, 1)));
        Assert.Equal(["fund-abc"], valid.Select(hit => hit.Document.Id).Distinct());
        Assert.Empty(await SearchAsync("bond", new KnowledgeFilter(DocumentId: "fund-old", ValidOn: new DateOnly(2025, 6, 1))));
    }

    [QdrantLiveFact]
    public async Task Hybrid_search_fuses_what_the_text_and_the_embedding_each_find()
    {
        await Index.ReplaceDocumentAsync(Macro, Chunks(Macro, withVectors: true,
            "Central banks will cut interest rates twice next year.", "Bond yields fall as inflation cools."), _ct);
        await Index.ReplaceDocumentAsync(Fund, Chunks(Fund, withVectors: true,
            "The balanced fund invests in bonds and equities.", "Lockup period is twelve months."), _ct);

        // The text matches the rates chunk; the embedding is that of the lockup chunk.
        var hits = await SearchAsync("interest rates", KnowledgeFilter.None, Embedding(3));

        Assert.Contains(hits, hit => hit.Chunk.ChunkId == "macro-2025#0000");
        Assert.Contains(hits, hit => hit.Chunk.ChunkId == "fund-abc#0001");
        Assert.All(hits, hit => Assert.True(hit.Score > 0));
    }

    [QdrantLiveFact]
    public async Task Replacing_swaps_the_chunks_and_deleting_removes_them()
    {
        await Index.ReplaceDocumentAsync(Macro, Chunks(Macro, withVectors: true,
            "Central banks will cut interest rates twice next year.", "Bond yields fall as inflation cools."), _ct);

        await Index.ReplaceDocumentAsync(Macro, Chunks(Macro, withVectors: true, "Central banks will hold interest rates."), _ct);

        Assert.Equal(1, await Index.CountChunksAsync(_ct));
        var hit = Assert.Single(await SearchAsync("interest rates", KnowledgeFilter.None, Embedding(0)));
        Assert.Equal("Central banks will hold interest rates.", hit.Chunk.Text);

        Assert.Equal(1, await Index.DeleteDocumentAsync(Macro.Id, _ct));
        Assert.Equal(0, await Index.CountChunksAsync(_ct));
        Assert.Empty(await SearchAsync("interest rates", KnowledgeFilter.None));
    }

    private Task<IReadOnlyList<SearchHit>> SearchAsync(string query, KnowledgeFilter filter, float[]? vector = null) =>
        Index.SearchAsync(new SearchRequest(query, 10, filter, vector is null ? null : new ReadOnlyMemory<float>(vector)), _ct);

    private static IReadOnlyList<IndexedChunk> Chunks(DocumentMetadata document, bool withVectors, params string[] texts) =>
        texts.Select((text, ordinal) => new IndexedChunk(
                new KnowledgeChunk(KnowledgeChunk.IdFor(document.Id, ordinal), document.Id, ordinal, document.Title, text, text.Length / 4),
                withVectors ? new ReadOnlyMemory<float>(Embedding(OrdinalSlot(document, ordinal))) : (ReadOnlyMemory<float>?)null))
            .ToList();

    // Each chunk of the corpus gets its own direction, so a query embedding picks out exactly one chunk.
    private static int OrdinalSlot(DocumentMetadata document, int ordinal) => (document.Id == Fund.Id ? 2 : 0) + ordinal;

    private static float[] Embedding(int slot)
    {
        var vector = new float[8];
        vector[slot] = 1f;
        return vector;
    }

    [QdrantLiveFact]
    public async Task A_chunk_is_found_by_its_id_with_its_document_until_the_document_is_deleted()
    {
        await Index.ReplaceDocumentAsync(Fund, Chunks(Fund, withVectors: false,
            "The balanced fund invests in bonds and equities.", "Lockup period is twelve months."), _ct);

        var hit = await Index.FindChunkAsync("fund-abc#0001", _ct);
        Assert.NotNull(hit);
        Assert.Equal("Lockup period is twelve months.", hit.Chunk.Text);
        Assert.Equal("ABC Balanced Fund", hit.Document.Title);
        Assert.Equal(Audience.Client, hit.Document.Audience);
        Assert.Null(await Index.FindChunkAsync("fund-abc#0009", _ct));
        Assert.Null(await Index.FindChunkAsync("macro-2025#0000", _ct));

        await Index.DeleteDocumentAsync("fund-abc", _ct);
        Assert.Null(await Index.FindChunkAsync("fund-abc#0001", _ct));
    }

    public async Task DisposeAsync()
    {
        if (_client is not null && await _client.CollectionExistsAsync(_collection))
            await _client.DeleteCollectionAsync(_collection);
        _index?.Dispose();
        _client?.Dispose();
    }
}
