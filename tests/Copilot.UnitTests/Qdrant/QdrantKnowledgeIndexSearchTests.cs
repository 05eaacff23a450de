using Copilot.Knowledge;
using Copilot.Knowledge.Index.Qdrant;
using Qdrant.Client.Grpc;
using static Copilot.UnitTests.Qdrant.QdrantTestDocuments;

namespace Copilot.UnitTests.Qdrant;

public sealed class QdrantKnowledgeIndexSearchTests : IAsyncLifetime
{
    // "bond" is in every English document, "客户" in the compliance one, so this query reaches the whole corpus.
    private const string EverythingQuery = "bond 客户";

    private readonly QdrantIndexHarness _qdrant = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public async Task InitializeAsync()
    {
        await _qdrant.Index.ReplaceDocumentAsync(Macro, MacroChunks(), _ct);
        await _qdrant.Index.ReplaceDocumentAsync(BalancedFund, BalancedFundChunks(), _ct);
        await _qdrant.Index.ReplaceDocumentAsync(ClosedFund, ClosedFundChunks(), _ct);
        await _qdrant.Index.ReplaceDocumentAsync(KycRules, KycChunks(), _ct);
        _qdrant.Server.ClearRequests();
    }

    [Fact]
    public async Task A_query_with_an_embedding_prefetches_dense_and_lexical_candidates_and_fuses_them_by_rrf_under_the_filter()
    {
        var filter = new KnowledgeFilter(Type: DocumentType.Product);

        await SearchAsync("bond fund", 5, filter, [0f, 1f, 0f]);

        var query = Assert.Single(_qdrant.Server.Requests<QueryPoints>());
        Assert.Equal(Query.VariantOneofCase.Fusion, query.Query.VariantCase);
        Assert.Equal(Fusion.Rrf, query.Query.Fusion);
        var expectedFilter = Conditions.MatchKeyword("type", "Product");
        Assert.Equal(expectedFilter, query.Filter);
        Assert.Equal(5ul, query.Limit);
        Assert.True(query.WithPayload.Enable);
        Assert.Collection(query.Prefetch,
            dense =>
            {
                Assert.Equal("dense", dense.Using);
                Assert.Equal([0f, 1f, 0f], dense.Query.Nearest.Dense.Data);
                Assert.Equal(40ul, dense.Limit);
                Assert.Equal(expectedFilter, dense.Filter);
            },
            lexical =>
            {
                Assert.Equal("lexical", lexical.Using);
                Assert.Equal(
                    new[] { SparseTermEncoder.TermIndex("bond"), SparseTermEncoder.TermIndex("fund") }.Order(),
                    lexical.Query.Nearest.Sparse.Indices);
                Assert.Equal(40ul, lexical.Limit);
                Assert.Equal(expectedFilter, lexical.Filter);
            });
    }

    [Fact]
    public async Task The_candidate_pool_grows_to_the_number_of_hits_asked_for()
    {
        await SearchAsync("bond", 60, KnowledgeFilter.None, [0f, 1f, 0f]);

        Assert.All(Assert.Single(_qdrant.Server.Requests<QueryPoints>()).Prefetch, prefetch => Assert.Equal(60ul, prefetch.Limit));
    }

    [Fact]
    public async Task Without_an_embedding_the_query_is_sparse_only()
    {
        await SearchAsync("interest rates", 5, KnowledgeFilter.None);

        var query = Assert.Single(_qdrant.Server.Requests<QueryPoints>());
        Assert.Empty(query.Prefetch);
        Assert.Equal("lexical", query.Using);
        Assert.Equal(VectorInput.VariantOneofCase.Sparse, query.Query.Nearest.VariantCase);
        Assert.All(query.Query.Nearest.Sparse.Values, value => Assert.Equal(1f, value));
        Assert.Null(query.Filter);
    }

    [Fact]
    public async Task Hits_carry_the_chunk_its_document_and_qdrants_score()
    {
        var hits = await SearchAsync("interest rates", 5, KnowledgeFilter.None);

        var top = hits[0];
        Assert.Equal(new KnowledgeChunk("macro-2025#0000", "macro-2025", 0, "Rates",
            "Central banks will cut interest rates twice next year.", MacroChunks()[0].Chunk.Tokens), top.Chunk);
        Assert.Equal("Macro outlook 2025", top.Document.Title);
        Assert.Equal(DocumentType.Research, top.Document.Type);
        var response = Assert.Single(_qdrant.Server.Responses<QueryResponse>());
        Assert.Equal(response.Result.Select(point => (double)point.Score), hits.Select(hit => hit.Score));
    }

    [Fact]
    public async Task Fusion_returns_what_either_ranking_found()
    {
        // The text matches the rates chunk only; the embedding points at the KYC chunk only.
        var hits = await SearchAsync("interest rates", 5, KnowledgeFilter.None, [0f, 0f, 1f]);

        Assert.Contains(hits, hit => hit.Chunk.ChunkId == "macro-2025#0000");
        Assert.Contains(hits, hit => hit.Chunk.ChunkId == "kyc-rules#0000");
    }

    [Fact]
    public async Task A_chinese_question_finds_the_chinese_passage()
    {
        var hits = await SearchAsync("理财产品销售需要录音吗", 3, KnowledgeFilter.None);

        Assert.Equal("kyc-rules#0001", hits[0].Chunk.ChunkId);
    }

    [Theory]
    [InlineData("type", "kyc-rules")]
    [InlineData("audience", "fund-abc fund-old")]
    [InlineData("product", "fund-abc")]
    [InlineData("valid", "fund-abc kyc-rules macro-2025")]
    [InlineData("document", "fund-old")]
    public async Task Filters_restrict_hits_end_to_end(string restriction, string expectedDocuments)
    {
        var filter = restriction switch
        {
            "type" => new KnowledgeFilter(Type: DocumentType.Compliance),
            "audience" => new KnowledgeFilter(Audience: Audience.Client),
            "product" => new KnowledgeFilter(ProductCode: "AbC123"),
            "valid" => new KnowledgeFilter(ValidOn: new DateOnly(2025, 6, 1)),
            "document" => new KnowledgeFilter(DocumentId: "fund-old"),
            _ => throw new ArgumentOutOfRangeException(nameof(restriction)),
        };

        foreach (var vector in new float[]?[] { null, [0.5f, 0.5f, 0.5f] })
        {
            var hits = await SearchAsync(EverythingQuery, 20, filter, vector);
            Assert.Equal(expectedDocuments.Split(' '), hits.Select(hit => hit.Document.Id).Distinct().Order());
        }
    }

    [Fact]
    public async Task Without_a_filter_the_whole_corpus_is_reachable()
    {
        var hits = await SearchAsync(EverythingQuery, 20, KnowledgeFilter.None);

        Assert.Equal(["fund-abc", "fund-old", "kyc-rules", "macro-2025"], hits.Select(hit => hit.Document.Id).Distinct().Order());
    }

    [Fact]
    public async Task Filters_become_must_conditions_with_validity_as_an_integer_range()
    {
        var filter = new KnowledgeFilter(DocumentType.Product, Audience.Client, "abc123", new DateOnly(2025, 6, 1), "fund-abc");

        await SearchAsync("fund", 5, filter);

        var must = Assert.Single(_qdrant.Server.Requests<QueryPoints>()).Filter.Must;
        Assert.Equal(
            [("type", "Product"), ("audience", "Client"), ("product_codes", "ABC123"), ("document_id", "fund-abc")],
            must.Where(condition => condition.Field.Match is not null).Select(condition => (condition.Field.Key, condition.Field.Match.Keyword)));
        var validity = Assert.Single(must, condition => condition.Field.Range is not null).Field;
        Assert.Equal("valid_until", validity.Key);
        Assert.Equal(20250601, validity.Range.Gte);
        Assert.False(validity.Range.HasLt || validity.Range.HasLte || validity.Range.HasGt);
    }

    [Fact]
    public async Task A_query_embedding_of_the_wrong_size_falls_back_to_lexical_search()
    {
        var hits = await SearchAsync("interest rates", 5, KnowledgeFilter.None, [1f, 0f]);

        Assert.Empty(Assert.Single(_qdrant.Server.Requests<QueryPoints>()).Prefetch);
        Assert.Equal("macro-2025#0000", hits[0].Chunk.ChunkId);
    }

    [Fact]
    public async Task A_query_with_no_terms_and_no_embedding_asks_nothing()
    {
        Assert.Empty(await SearchAsync("的 了 吗 ?", 5, KnowledgeFilter.None));
        Assert.Empty(_qdrant.Server.Requests<QueryPoints>());
    }

    private Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int top, KnowledgeFilter filter, float[]? vector = null) =>
        _qdrant.Index.SearchAsync(new SearchRequest(query, top, filter, vector is null ? null : new ReadOnlyMemory<float>(vector)), _ct);

    public Task DisposeAsync()
    {
        _qdrant.Dispose();
        return Task.CompletedTask;
    }
}
