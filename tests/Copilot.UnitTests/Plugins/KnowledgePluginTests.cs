using Copilot.Knowledge;
using Copilot.Knowledge.Index;
using Copilot.Knowledge.Index.Lucene;
using Copilot.UnitTests.Knowledge.Index;
using Copilot.Llm;
using Copilot.Plugins.Knowledge;
using Microsoft.SemanticKernel;

namespace Copilot.UnitTests.Plugins;

/// <summary>The knowledge plugin, invoked through a Kernel as the orchestrator's function calling would.</summary>
public sealed class KnowledgePluginTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly LuceneKnowledgeIndex _index;

    public KnowledgePluginTests() => _index = new LuceneKnowledgeIndex(_folder.Path, 40);

    [Fact]
    public async Task Search_knowledge_returns_valid_passages_of_the_asked_type()
    {
        await AddAsync("faq-fees", DocumentType.Faq, null, "佣金标准为万分之二点五，最低5元。");
        await AddAsync("manual", DocumentType.Compliance, null, "投资顾问不得向客户承诺佣金返还。");
        await AddAsync("old-fees", DocumentType.Faq, new DateOnly(2020, 1, 1), "佣金标准为万分之三。");

        var kernel = new Kernel();
        kernel.Plugins.AddFromObject(new KnowledgePlugin(new KnowledgeSearch(_index, new TextEmbedder(null)), TimeProvider.System), "knowledge");
        var result = await kernel.InvokeAsync("knowledge", "search_knowledge", new KernelArguments { ["query"] = "佣金标准", ["type"] = "faq" });

        var passages = result.GetValue<IReadOnlyList<KnowledgePlugin.Passage>>()!;
        var passage = Assert.Single(passages);
        Assert.Equal("faq-fees", passage.DocumentId);
        Assert.Contains("万分之二点五", passage.Text);
    }

    [Fact]
    public void The_function_is_described_for_the_model()
    {
        var plugin = KernelPluginFactory.CreateFromObject(
            new KnowledgePlugin(new KnowledgeSearch(_index, new TextEmbedder(null)), TimeProvider.System), "knowledge");
        var function = plugin["search_knowledge"];
        Assert.False(string.IsNullOrWhiteSpace(function.Description));
        Assert.Contains(function.Metadata.Parameters, p => p.Name == "query" && p.IsRequired && !string.IsNullOrWhiteSpace(p.Description));
    }

    private Task AddAsync(string id, DocumentType type, DateOnly? validUntil, string text) =>
        _index.ReplaceDocumentAsync(
            new DocumentMetadata { Id = id, Title = id, Type = type, ValidUntil = validUntil },
            [new IndexedChunk(new KnowledgeChunk(KnowledgeChunk.IdFor(id, 0), id, 0, "", text, 10), null)],
            CancellationToken.None);

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }
}
