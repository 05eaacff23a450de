using Copilot.Knowledge.Index.Lucene;
using static Copilot.UnitTests.Knowledge.Index.IndexSamples;

namespace Copilot.UnitTests.Knowledge.Index;

/// <summary>BM25 ranking, and its fusion with vector similarity when chunks and query carry embeddings.</summary>
public sealed class LuceneKnowledgeIndexRankingTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly LuceneKnowledgeIndex _index;

    public LuceneKnowledgeIndexRankingTests() => _index = new LuceneKnowledgeIndex(_folder.Path, candidatePool: 40);

    [Fact]
    public async Task The_chunk_containing_the_query_terms_ranks_first()
    {
        await _index.IndexAsync(Document("guide"),
            Chunk("guide", 0, "股票型基金的净值波动通常较大。"),
            Chunk("guide", 1, "债券基金需要关注久期风险和信用风险。"),
            Chunk("guide", 2, "货币基金的流动性较好。"));

        var hits = await _index.FindAsync("什么是久期风险？");

        Assert.Equal("guide#0001", hits[0].Chunk.ChunkId);
        Assert.True(hits[0].Score > 0);
        Assert.All(hits.Skip(1), h => Assert.True(h.Score < hits[0].Score));
    }

    [Fact]
    public async Task English_query_words_match_their_inflected_forms_in_the_text()
    {
        await _index.IndexAsync(Document("notes"),
            Chunk("notes", 0, "Past performance does not guarantee future results."),
            Chunk("notes", 1, "The fund invests in government bonds."));

        var hits = await _index.FindAsync("guaranteed");

        Assert.Equal("notes#0000", Assert.Single(hits).Chunk.ChunkId);
    }

    [Fact]
    public async Task With_vectors_a_chunk_sharing_no_words_with_the_query_but_nearest_in_meaning_is_found()
    {
        await _index.IndexAsync(Document("kb"),
            Chunk("kb", 0, "客户回访必须留存录音。", [1f, 0f, 0f]),
            Chunk("kb", 1, "申购费率为百分之一点二。", [0f, 1f, 0f]),
            Chunk("kb", 2, "赎回费率按持有期限递减。", [0f, 0f, 1f]));
        const string query = "申购费率";
        float[] nearTheCallbackChunk = [0.9f, 0.1f, 0f];

        var lexicalOnly = await _index.FindAsync(query);
        var fused = await _index.FindAsync(query, vector: nearTheCallbackChunk);

        Assert.DoesNotContain(lexicalOnly, h => h.Chunk.ChunkId == "kb#0000");
        Assert.Contains(fused, h => h.Chunk.ChunkId == "kb#0000");
        Assert.Equal("kb#0001", fused[0].Chunk.ChunkId);
    }

    [Fact]
    public async Task Chunks_without_a_vector_are_still_found_by_words_when_the_query_has_one()
    {
        await _index.IndexAsync(Document("mixed"), Chunk("mixed", 0, "申购费率说明"), Chunk("mixed", 1, "风险揭示书", [1f, 0f]));

        var hits = await _index.FindAsync("申购费率", vector: [1f, 0f]);

        Assert.Equal(["mixed#0000", "mixed#0001"], hits.Select(h => h.Chunk.ChunkId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_query_of_only_punctuation_with_a_vector_is_ranked_by_the_vector()
    {
        await _index.IndexAsync(Document("kb"), Chunk("kb", 0, "客户回访必须留存录音。", [1f, 0f]), Chunk("kb", 1, "申购费率说明。", [0f, 1f]));

        var hits = await _index.FindAsync("？", vector: [0f, 1f]);

        Assert.Equal("kb#0001", hits[0].Chunk.ChunkId);
    }

    [Fact]
    public async Task Top_limits_the_number_of_hits()
    {
        await _index.IndexAsync(Document("many"), Enumerable.Range(0, 8).Select(i => Chunk("many", i, $"基金 说明 第{i}部分")).ToArray());

        Assert.Equal(3, (await _index.FindAsync("基金", top: 3)).Count);
    }

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }
}
