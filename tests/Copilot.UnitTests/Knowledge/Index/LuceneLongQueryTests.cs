using Copilot.Knowledge.Index.Lucene;
using static Copilot.UnitTests.Knowledge.Index.IndexSamples;

namespace Copilot.UnitTests.Knowledge.Index;

/// <summary>A question with more distinct terms than Lucene has clauses for still searches, by its rarest terms.</summary>
public sealed class LuceneLongQueryTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly LuceneKnowledgeIndex _index;

    public LuceneLongQueryTests() => _index = new LuceneKnowledgeIndex(_folder.Path, candidatePool: 40, maxQueryTerms: 64);

    [Fact]
    public async Task A_term_past_the_cap_that_the_index_holds_is_kept_over_terms_no_chunk_has()
    {
        await _index.IndexAsync(Document("guide"),
            Chunk("guide", 0, "债券基金需要关注久期风险和信用风险。"),
            Chunk("guide", 1, "货币基金的流动性较好。"));
        // 600 distinct words no chunk contains (1,800 clauses before the cap), then the one that matters.
        var question = string.Join(' ', Enumerable.Range(0, 600).Select(i => $"filler{i:D3}q")) + " 久期";

        var hits = await _index.FindAsync(question);

        Assert.Equal("guide#0000", hits[0].Chunk.ChunkId);
    }

    [Fact]
    public void A_cap_that_would_break_the_clause_limit_is_refused_at_construction()
    {
        using var folder = new TemporaryFolder();
        Assert.Throws<ArgumentOutOfRangeException>(() => new LuceneKnowledgeIndex(folder.Path, candidatePool: 40, maxQueryTerms: 300));
    }

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }
}
