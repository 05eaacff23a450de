using Copilot.Knowledge;
using Copilot.Knowledge.Index.Qdrant;
using Grpc.Core;
using Qdrant.Client.Grpc;
using static Copilot.UnitTests.Qdrant.QdrantTestDocuments;

namespace Copilot.UnitTests.Qdrant;

public sealed class QdrantKnowledgeIndexWriteTests : IDisposable
{
    private readonly QdrantIndexHarness _qdrant = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task Upserted_points_carry_both_vectors_and_the_payload_fields()
    {
        await _qdrant.Index.ReplaceDocumentAsync(BalancedFund, BalancedFundChunks(), _ct);

        var upsert = Assert.Single(_qdrant.Server.Requests<UpsertPoints>());
        Assert.True(upsert.Wait);
        Assert.Equal(2, upsert.Points.Count);
        var point = upsert.Points[0];

        var vectors = point.Vectors.Vectors_.Vectors;
        Assert.Equal([0f, 1f, 0f], vectors["dense"].Dense.Data);
        var lexical = vectors["lexical"].Sparse;
        // Title, section and text all feed the sparse vector, as analyzed terms (stemmed, stop words gone).
        Assert.Contains(SparseTermEncoder.TermIndex("abc"), lexical.Indices);
        Assert.Contains(SparseTermEncoder.TermIndex("strategi"), lexical.Indices);
        Assert.Contains(SparseTermEncoder.TermIndex("equiti"), lexical.Indices);
        Assert.DoesNotContain(SparseTermEncoder.TermIndex("the"), lexical.Indices);

        var payload = point.Payload;
        Assert.Equal("fund-abc", payload["document_id"].StringValue);
        Assert.Equal("fund-abc#0000", payload["chunk_id"].StringValue);
        Assert.Equal(0, payload["ordinal"].IntegerValue);
        Assert.Equal("Strategy", payload["section"].StringValue);
        Assert.Equal(BalancedFundChunks()[0].Chunk.Text, payload["text"].StringValue);
        Assert.Equal(BalancedFundChunks()[0].Chunk.Tokens, payload["tokens"].IntegerValue);
        Assert.Equal("Product", payload["type"].StringValue);
        Assert.Equal("Client", payload["audience"].StringValue);
        Assert.Equal(["ABC123"], payload["product_codes"].ListValue.Values.Select(value => value.StringValue));
        Assert.Equal("en", payload["language"].StringValue);
        Assert.Equal(20301231, payload["valid_until"].IntegerValue);
        Assert.Contains("\"riskLevel\":\"R3\"", payload["metadata"].StringValue);
        Assert.Matches("^[0-9a-f]{32}$", payload["version"].StringValue);
    }

    [Fact]
    public async Task Documents_without_an_end_of_validity_are_stored_as_valid_forever()
    {
        await _qdrant.Index.ReplaceDocumentAsync(Macro, MacroChunks(), _ct);

        Assert.All(_qdrant.Collection.Points, point => Assert.Equal(99991231, point.Payload["valid_until"].IntegerValue));
    }

    [Fact]
    public async Task Point_ids_derive_from_chunk_id_and_version_so_versions_never_overwrite_each_other()
    {
        await _qdrant.Index.ReplaceDocumentAsync(Macro, MacroChunks(), _ct);
        var first = _qdrant.Collection.Points.Select(point => point.Id.Uuid).ToHashSet();
        await _qdrant.Index.ReplaceDocumentAsync(Macro, MacroChunks(), _ct);

        var upserts = _qdrant.Server.Requests<UpsertPoints>();
        foreach (var point in upserts.SelectMany(upsert => upsert.Points))
        {
            var expected = QdrantPointMapper.PointId(point.Payload["chunk_id"].StringValue, point.Payload["version"].StringValue);
            Assert.Equal(expected, Guid.Parse(point.Id.Uuid));
        }
        Assert.Empty(upserts[1].Points.Select(point => point.Id.Uuid).Intersect(first));
    }

    [Fact]
    public async Task Replacing_a_document_removes_its_old_chunks_and_keeps_the_new_ones()
    {
        await _qdrant.Index.ReplaceDocumentAsync(BalancedFund, BalancedFundChunks(), _ct);
        await _qdrant.Index.ReplaceDocumentAsync(Macro, MacroChunks(), _ct);
        var revised = Chunks(Macro, true, ("Rates", "Central banks will hold interest rates.", [1f, 0f, 0f]));

        await _qdrant.Index.ReplaceDocumentAsync(Macro, revised, _ct);

        Assert.Equal(["Central banks will hold interest rates."], _qdrant.StoredTexts(Macro.Id));
        Assert.Equal(2, _qdrant.StoredTexts(BalancedFund.Id).Count);
        var cleanup = _qdrant.Server.Requests<DeletePoints>().Last().Points.Filter;
        Assert.Equal("macro-2025", Assert.Single(cleanup.Must).Field.Match.Keyword);
        var otherVersions = Assert.Single(cleanup.MustNot).Field;
        Assert.Equal("version", otherVersions.Key);
        Assert.Equal(_qdrant.Collection.Points.First(point => point.Payload["document_id"].StringValue == Macro.Id).Payload["version"].StringValue,
            otherVersions.Match.Keyword);
    }

    [Fact]
    public async Task A_failure_mid_upsert_leaves_the_old_version_whole_and_searchable()
    {
        await _qdrant.Index.ReplaceDocumentAsync(Macro, MacroChunks(), _ct);
        var oldVersion = _qdrant.Collection.Points.First().Payload["version"].StringValue;
        var revised = Chunks(Macro, true,
            ("Rates", "Central banks will hold interest rates.", [1f, 0f, 0f]),
            ("Bonds", "Bond yields rise again.", [0.9f, 0.1f, 0f]));
        _qdrant.Server.FailNextUpsert(pointsStored: 1);

        var error = await Assert.ThrowsAsync<RpcException>(() => _qdrant.Index.ReplaceDocumentAsync(Macro, revised, _ct));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(MacroChunks().Select(chunk => chunk.Chunk.Text), _qdrant.StoredTexts(Macro.Id));
        Assert.All(_qdrant.Collection.Points, point => Assert.Equal(oldVersion, point.Payload["version"].StringValue));
        var rollback = _qdrant.Server.Requests<DeletePoints>().Last().Points.Filter;
        Assert.Equal(["document_id", "version"], rollback.Must.Select(condition => condition.Field.Key));
        Assert.NotEqual(oldVersion, rollback.Must[1].Field.Match.Keyword);
        var hits = await _qdrant.Index.SearchAsync(new SearchRequest("interest rates", 5, KnowledgeFilter.None), _ct);
        Assert.Equal("Central banks will cut interest rates twice next year.", hits[0].Chunk.Text);
    }

    [Fact]
    public async Task Deleting_a_document_counts_then_removes_all_its_chunks()
    {
        await _qdrant.Index.ReplaceDocumentAsync(Macro, MacroChunks(), _ct);
        await _qdrant.Index.ReplaceDocumentAsync(KycRules, KycChunks(), _ct);

        var removed = await _qdrant.Index.DeleteDocumentAsync(Macro.Id, _ct);

        Assert.Equal(2, removed);
        Assert.Empty(_qdrant.StoredTexts(Macro.Id));
        Assert.Equal(2, _qdrant.StoredTexts(KycRules.Id).Count);
        var count = Assert.Single(_qdrant.Server.Requests<CountPoints>());
        Assert.True(count.Exact);
        Assert.Equal("macro-2025", Assert.Single(count.Filter.Must).Field.Match.Keyword);
        Assert.Equal("document_id", Assert.Single(_qdrant.Server.Requests<DeletePoints>().Last().Points.Filter.Must).Field.Key);
    }

    [Fact]
    public async Task Counting_is_exact_over_the_whole_collection()
    {
        await _qdrant.Index.ReplaceDocumentAsync(Macro, MacroChunks(), _ct);
        await _qdrant.Index.ReplaceDocumentAsync(KycRules, KycChunks(), _ct);

        Assert.Equal(4, await _qdrant.Index.CountChunksAsync(_ct));
        var count = Assert.Single(_qdrant.Server.Requests<CountPoints>());
        Assert.True(count.Exact);
        Assert.Null(count.Filter);
    }

    public void Dispose() => _qdrant.Dispose();
}
