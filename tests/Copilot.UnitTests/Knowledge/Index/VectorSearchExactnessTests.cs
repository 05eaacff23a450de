using Copilot.Knowledge.Index.Lucene;
using static Copilot.UnitTests.Knowledge.Index.IndexSamples;

namespace Copilot.UnitTests.Knowledge.Index;

/// <summary>
/// Vector search over the in-memory per-segment copies returns what an exact cosine over every live chunk returns:
/// the same top k in the same order with the same scores, across segments, after deletes and replacements, and for
/// chunks embedded at another dimension.
/// </summary>
public sealed class VectorSearchExactnessTests : IDisposable
{
    private const int Dimensions = 64;
    private readonly TemporaryFolder _folder = new();
    private readonly LuceneKnowledgeIndex _index;
    private readonly Random _random = new(20261202);
    private readonly Dictionary<string, float[]> _live = [];

    public VectorSearchExactnessTests() => _index = new LuceneKnowledgeIndex(_folder.Path, candidatePool: 40);

    [Fact]
    public async Task Top_k_matches_the_exact_cosine_over_every_live_chunk_across_segments_deletes_and_replacements()
    {
        // One commit per document: many segments, as uploads make.
        for (var d = 0; d < 30; d++) await IndexDocumentAsync($"doc{d}", chunks: 20);
        await AssertExactAsync();

        await _index.DeleteDocumentAsync("doc3", CancellationToken.None);
        foreach (var id in _live.Keys.Where(k => k.StartsWith("doc3#", StringComparison.Ordinal)).ToList()) _live.Remove(id);
        await IndexDocumentAsync("doc7", chunks: 5); // replaced: new vectors, fewer chunks
        await AssertExactAsync();
    }

    [Fact]
    public async Task Chunks_embedded_at_another_dimension_and_zero_vectors_are_treated_as_the_exact_scan_treats_them()
    {
        await IndexDocumentAsync("a", chunks: 10);
        await _index.IndexAsync(Document("other"), Chunk("other", 0, "旧模型的向量。", [1f, 0f, 0f]));
        await _index.IndexAsync(Document("zero"), Chunk("zero", 0, "零向量。", new float[Dimensions]));
        _live["zero#0000"] = new float[Dimensions];

        await AssertExactAsync();
        var threeDimensional = await _index.FindAsync("", vector: [1f, 0f, 0f], top: 5);
        Assert.Equal("other#0000", Assert.Single(threeDimensional).Chunk.ChunkId);
    }

    private async Task IndexDocumentAsync(string id, int chunks)
    {
        foreach (var old in _live.Keys.Where(k => k.StartsWith(id + "#", StringComparison.Ordinal)).ToList()) _live.Remove(old);
        var indexed = Enumerable.Range(0, chunks).Select(i => Chunk(id, i, $"第{i}段。", RandomVector())).ToArray();
        await _index.IndexAsync(Document(id), indexed);
        foreach (var chunk in indexed) _live[chunk.Chunk.ChunkId] = chunk.Vector!.Value.ToArray();
    }

    private async Task AssertExactAsync()
    {
        for (var q = 0; q < 10; q++)
        {
            var query = RandomVector();
            var expected = _live.Select(p => (Id: p.Key, Score: Cosine(p.Value, query)))
                .OrderByDescending(p => p.Score).Take(10).ToList();

            var hits = await _index.FindAsync("", vector: query, top: 10);

            Assert.Equal(expected.Select(e => e.Id), hits.Select(h => h.Chunk.ChunkId));
            Assert.All(expected.Zip(hits), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 5));
        }
    }

    private float[] RandomVector() => Enumerable.Range(0, Dimensions).Select(_ => (float)(_random.NextDouble() * 2 - 1)).ToArray();

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++) { dot += a[i] * (double)b[i]; na += a[i] * (double)a[i]; nb += b[i] * (double)b[i]; }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }
}
