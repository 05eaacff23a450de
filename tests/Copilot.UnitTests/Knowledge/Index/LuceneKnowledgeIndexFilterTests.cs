using Copilot.Knowledge;
using Copilot.Knowledge.Index.Lucene;
using static Copilot.UnitTests.Knowledge.Index.IndexSamples;

namespace Copilot.UnitTests.Knowledge.Index;

/// <summary>Metadata filters narrow a search whose words match every document.</summary>
public sealed class LuceneKnowledgeIndexFilterTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private readonly LuceneKnowledgeIndex _index;

    public LuceneKnowledgeIndexFilterTests() => _index = new LuceneKnowledgeIndex(_folder.Path, candidatePool: 40);

    public async Task InitializeAsync()
    {
        await _index.IndexAsync(Document("research"), Chunk("research", 0, "基金 市场 展望"));
        await _index.IndexAsync(Document("expired-product", DocumentType.Product, Audience.Client, ["SF001"], new DateOnly(2024, 12, 31)),
            Chunk("expired-product", 0, "基金 产品 要素"));
        await _index.IndexAsync(Document("compliance", DocumentType.Compliance, validUntil: new DateOnly(2030, 1, 1)),
            Chunk("compliance", 0, "基金 销售 合规"));
        await _index.IndexAsync(Document("faq", DocumentType.Faq, Audience.Client, ["sf002", "SF003"]), Chunk("faq", 0, "基金 常见 问题"));
    }

    [Fact]
    public async Task Without_a_filter_every_document_matches()
    {
        Assert.Equal(["compliance", "expired-product", "faq", "research"], await DocumentsAsync(KnowledgeFilter.None));
    }

    [Fact]
    public async Task Type_filter_keeps_one_type()
    {
        Assert.Equal(["compliance"], await DocumentsAsync(new KnowledgeFilter(Type: DocumentType.Compliance)));
    }

    [Fact]
    public async Task Audience_filter_keeps_client_documents()
    {
        Assert.Equal(["expired-product", "faq"], await DocumentsAsync(new KnowledgeFilter(Audience: Audience.Client)));
    }

    [Theory]
    [InlineData("sf001", "expired-product"), InlineData("SF002", "faq"), InlineData("Sf003", "faq")]
    public async Task Product_code_filter_ignores_case(string code, string expected)
    {
        Assert.Equal([expected], await DocumentsAsync(new KnowledgeFilter(ProductCode: code)));
    }

    [Fact]
    public async Task Valid_on_excludes_documents_that_expired_before_that_day()
    {
        Assert.Equal(["compliance", "faq", "research"], await DocumentsAsync(new KnowledgeFilter(ValidOn: new DateOnly(2025, 6, 1))));
        Assert.Equal(["faq", "research"], await DocumentsAsync(new KnowledgeFilter(ValidOn: new DateOnly(2030, 1, 2))));
    }

    [Fact]
    public async Task A_document_is_still_valid_on_its_last_day()
    {
        Assert.Contains("expired-product", await DocumentsAsync(new KnowledgeFilter(ValidOn: new DateOnly(2024, 12, 31))));
    }

    [Fact]
    public async Task Filters_combine()
    {
        Assert.Equal(["faq"], await DocumentsAsync(new KnowledgeFilter(Audience: Audience.Client, ValidOn: new DateOnly(2025, 6, 1))));
        Assert.Empty(await DocumentsAsync(new KnowledgeFilter(Type: DocumentType.Research, ProductCode: "SF001")));
    }

    private async Task<string[]> DocumentsAsync(KnowledgeFilter filter) =>
        (await _index.FindAsync("基金", filter)).Select(h => h.Chunk.DocumentId).Order(StringComparer.Ordinal).ToArray();

    public Task DisposeAsync()
    {
        _index.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
