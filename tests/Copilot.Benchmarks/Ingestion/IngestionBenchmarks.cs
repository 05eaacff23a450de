using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Copilot.Benchmarks.Infrastructure;
using Copilot.Knowledge;
using Copilot.Knowledge.Chunking;
using Copilot.Knowledge.Extraction;
using Copilot.Knowledge.Index;
using Copilot.Knowledge.Index.Lucene;
using Perfolizer.Mathematics.OutlierDetection;

namespace Copilot.Benchmarks.Ingestion;

/// <summary>
/// Ingestion throughput on the three laws: the service's own pipeline (extract Markdown → chunk with real token
/// counts → Lucene index on disk → SQLite catalog), lexical only, into an empty knowledge base each time; and its
/// two heavy steps alone, chunking the extracted text and indexing the ready chunks.
/// </summary>
[Config(typeof(Config))]
public class IngestionBenchmarks
{
    private IReadOnlyList<LawFile> _laws = [];
    private IReadOnlyList<(DocumentMetadata Metadata, string Text)> _documents = [];
    private IReadOnlyList<IReadOnlyList<IndexedChunk>> _chunks = [];
    private StructuredChunker _chunker = null!;
    private ScratchKnowledgeBase? _knowledgeBase;
    private string _indexFolder = "";
    private LuceneKnowledgeIndex? _index;

    [GlobalSetup]
    public void LoadLaws()
    {
        _laws = LawFile.LoadAll();
        _documents = _laws.Select(law =>
        {
            var text = TextExtractors.Default.Extract(law.FileName, new MemoryStream(law.Content)).Text;
            return (DocumentMetadataParser.Parse(LawFile.Fields(law.DocumentId), MarkdownBlockParser.Parse(text).Title, text), text);
        }).ToList();
        var options = new KnowledgeOptions();
        _chunker = new StructuredChunker(TokenCounter.Shared, options.ChunkTokens, options.ChunkOverlapTokens);
        _chunks = _documents.Select(d => (IReadOnlyList<IndexedChunk>)_chunker.Chunk(d.Metadata.Id, d.Text)
            .Select(c => new IndexedChunk(c, null)).ToList()).ToList();
        // The figures the docs derive chunks/s and MB/s from.
        var bytes = _laws.Sum(law => law.Content.Length);
        Console.WriteLine($"// Law set: {_laws.Count} files, {bytes:N0} bytes ({bytes / 1048576.0:F3} MiB), " +
            $"{_chunks.Sum(c => c.Count):N0} chunks of at most {options.ChunkTokens} tokens");
    }

    // Each run starts from an empty knowledge base, as a first upload does; creating it is not measured.
    [IterationSetup(Target = nameof(IngestLaws))]
    public void CreateKnowledgeBase() => _knowledgeBase = ScratchKnowledgeBase.CreateAsync().GetAwaiter().GetResult();

    [IterationCleanup(Target = nameof(IngestLaws))]
    public void DeleteKnowledgeBase() => _knowledgeBase?.Dispose();

    [IterationSetup(Target = nameof(IndexLaws))]
    public void CreateIndex()
    {
        _indexFolder = Path.Combine(Path.GetTempPath(), "copilot-bench", Guid.NewGuid().ToString("N"));
        _index = new LuceneKnowledgeIndex(_indexFolder, new KnowledgeOptions().CandidatePool);
    }

    [IterationCleanup(Target = nameof(IndexLaws))]
    public void DeleteIndex()
    {
        _index?.Dispose();
        Directory.Delete(_indexFolder, recursive: true);
    }

    [Benchmark(Description = "Ingest 3 laws (extract, chunk, index, catalog)")]
    public async Task<int> IngestLaws()
    {
        var chunks = 0;
        foreach (var law in _laws)
        {
            var result = await _knowledgeBase!.Ingestion.IngestFileAsync(
                law.FileName, new MemoryStream(law.Content), LawFile.Fields(law.DocumentId), CancellationToken.None);
            chunks += result.Chunks;
        }
        return chunks;
    }

    [Benchmark(Description = "Chunk 3 laws")]
    public int ChunkLaws() => _documents.Sum(d => _chunker.Chunk(d.Metadata.Id, d.Text).Count);

    [Benchmark(Description = "Index 3 laws' chunks (Lucene only)")]
    public async Task IndexLaws()
    {
        for (var i = 0; i < _documents.Count; i++)
            await _index!.ReplaceDocumentAsync(_documents[i].Metadata, _chunks[i], CancellationToken.None);
    }

    private sealed class Config : ManualConfig
    {
        // One ingestion takes long enough to time alone; fifteen keep the class to about a minute. Nothing is dropped
        // as an outlier: on a shared two-core machine the slow runs are part of the figure.
        public Config() => AddJob(InProcessOption.Apply(Job.Default
            .WithWarmupCount(3).WithIterationCount(15).WithInvocationCount(1).WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove)));
    }
}
