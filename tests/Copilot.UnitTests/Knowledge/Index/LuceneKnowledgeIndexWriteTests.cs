using Copilot.Knowledge.Index.Lucene;
using static Copilot.UnitTests.Knowledge.Index.IndexSamples;

namespace Copilot.UnitTests.Knowledge.Index;

/// <summary>Replacing, deleting and persisting chunks in an on-disk Lucene index.</summary>
public sealed class LuceneKnowledgeIndexWriteTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly LuceneKnowledgeIndex _index;

    public LuceneKnowledgeIndexWriteTests() => _index = new LuceneKnowledgeIndex(_folder.Path, candidatePool: 40);

    [Fact]
    public async Task Replacing_a_document_swaps_its_chunks_and_leaves_other_documents_alone()
    {
        await _index.IndexAsync(Document("fund-a"), Chunk("fund-a", 0, "旧版 基金 费率 说明"), Chunk("fund-a", 1, "旧版 基金 赎回 安排"));
        await _index.IndexAsync(Document("fund-b"), Chunk("fund-b", 0, "另一只 基金 的 费率"));

        await _index.IndexAsync(Document("fund-a"), Chunk("fund-a", 0, "新版 基金 费率 说明"));

        var hits = await _index.FindAsync("基金");
        Assert.Equal(["新版 基金 费率 说明"], hits.Where(h => h.Chunk.DocumentId == "fund-a").Select(h => h.Chunk.Text));
        Assert.Single(hits, h => h.Chunk.DocumentId == "fund-b");
        Assert.DoesNotContain(hits, h => h.Chunk.Text.Contains("旧版", StringComparison.Ordinal));
        Assert.Equal(2, await _index.CountChunksAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_a_document_removes_every_chunk_and_returns_how_many()
    {
        await _index.IndexAsync(Document("memo"), Chunk("memo", 0, "合规 提示 一"), Chunk("memo", 1, "合规 提示 二"), Chunk("memo", 2, "合规 提示 三"));
        await _index.IndexAsync(Document("other"), Chunk("other", 0, "合规 手册"));

        Assert.Equal(3, await _index.DeleteDocumentAsync("memo", CancellationToken.None));

        Assert.Equal(1, await _index.CountChunksAsync(CancellationToken.None));
        Assert.All(await _index.FindAsync("合规"), h => Assert.Equal("other", h.Chunk.DocumentId));
        Assert.Equal(0, await _index.DeleteDocumentAsync("memo", CancellationToken.None));
    }

    [Fact]
    public async Task Chunks_and_metadata_survive_closing_and_reopening_the_index()
    {
        await _index.IndexAsync(Document("kept", productCodes: ["SF001"]), Chunk("kept", 0, "适当性 管理 办法"), Chunk("kept", 1, "投资者 分类"));
        _index.Dispose();

        using var reopened = new LuceneKnowledgeIndex(_folder.Path, candidatePool: 40);

        Assert.Equal(2, await reopened.CountChunksAsync(CancellationToken.None));
        var hit = Assert.Single(await reopened.FindAsync("适当性"));
        Assert.Equal("kept#0000", hit.Chunk.ChunkId);
        Assert.Equal("适当性 管理 办法", hit.Chunk.Text);
        Assert.Equal(["SF001"], hit.Document.ProductCodes);
        Assert.Equal("示例证券", hit.Document.Publisher);
    }

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }
}
