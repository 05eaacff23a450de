using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Copilot.Benchmarks.Infrastructure;
using Copilot.Knowledge;
using Copilot.Knowledge.Index;
using Copilot.Knowledge.Index.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Perfolizer.Mathematics.OutlierDetection;

namespace Copilot.Benchmarks.Search;

/// <summary>
/// The vector half of hybrid search alone, top 5 by cosine over the same 256-dimension index the search benchmarks
/// open: the service's scan of each segment's in-memory vectors, beside the scan it replaced — every vector copied
/// out of Lucene's binary doc values on every query — run over the same files in the same process.
/// </summary>
[Config(typeof(Config))]
public class VectorScanBenchmarks
{
    public static IEnumerable<string> Names =>
        new[] { nameof(InMemory), nameof(DocValuesPerQuery) }.Select(m => $"{typeof(VectorScanBenchmarks).FullName}.{m}");

    private LuceneKnowledgeIndex _index = null!;
    private DirectoryReader _reader = null!;
    private IndexSearcher _searcher = null!;
    private FSDirectory _directory = null!;
    private ReadOnlyMemory<float>[] _queries = [];
    private int _next;

    [ParamsSource(typeof(SearchBenchmarks), nameof(SearchBenchmarks.Sizes))]
    public int Chunks { get; set; }

    [GlobalSetup]
    public async Task OpenAsync()
    {
        var (folder, _) = await SearchIndexCache.OpenOrBuildAsync(Chunks, vectors: true, SearchBenchmarks.Seed);
        _index = new LuceneKnowledgeIndex(folder, new KnowledgeOptions().CandidatePool);
        _directory = FSDirectory.Open(folder);
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
        var random = new Random(SearchBenchmarks.Seed + 2);
        _queries = BenchmarkQuestions.All.Select(_ => SyntheticCorpus.RandomVector(random)).ToArray();
        await InMemory();
        DocValuesPerQuery();
        ProcessFootprint.Print($"After setup, vector scan of {Chunks:N0} chunks", folder);
    }

    [GlobalCleanup]
    public void Close()
    {
        _index.Dispose();
        _reader.Dispose();
        _directory.Dispose();
    }

    [Benchmark(Description = "Top 5 by cosine: per-segment in-memory vectors (now)")]
    public Task<IReadOnlyList<SearchHit>> InMemory() =>
        _index.SearchAsync(new SearchRequest("", 5, SearchBenchmarks.ValidToday, NextQuery()), CancellationToken.None);

    [Benchmark(Baseline = true, Description = "Top 5 by cosine: doc values read per query (before)")]
    public IReadOnlyList<SearchHit> DocValuesPerQuery()
    {
        var query = NextQuery().ToArray();
        var collector = new DocValuesScan(query, 5);
        _searcher.Search(new ConstantScoreQuery(new QueryWrapperFilter(LuceneQueryBuilder.Filter(SearchBenchmarks.ValidToday))), collector);
        return collector.Results().Select(hit => LuceneChunkMapper.ToHit(_searcher.Doc(hit.Doc), hit.Score)).ToList();
    }

    private ReadOnlyMemory<float> NextQuery() => _queries[_next++ % _queries.Length];

    /// <summary>The collector the service used before (commit 302378c), kept here as the baseline.</summary>
    private sealed class DocValuesScan(float[] query, int top) : ICollector
    {
        private readonly PriorityQueue<int, float> _best = new();
        private readonly BytesRef _bytes = new();
        private readonly float _queryNorm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot<float>(query, query));
        private BinaryDocValues? _vectors;
        private int _docBase;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) { }

        public void SetNextReader(AtomicReaderContext context)
        {
            _vectors = context.AtomicReader.GetBinaryDocValues(LuceneFields.Vector);
            _docBase = context.DocBase;
        }

        public void Collect(int doc)
        {
            if (_vectors is null) return;
            _vectors.Get(doc, _bytes);
            if (_bytes.Length != query.Length * sizeof(float)) return;
            var vector = LuceneChunkMapper.ReadVector(_bytes);
            var dot = System.Numerics.Tensors.TensorPrimitives.Dot(vector, query);
            var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot(vector, vector));
            var score = norm == 0 || _queryNorm == 0 ? 0 : dot / (norm * _queryNorm);
            _best.Enqueue(_docBase + doc, score);
            if (_best.Count > top) _best.Dequeue();
        }

        public IReadOnlyList<(int Doc, float Score)> Results()
        {
            var results = new List<(int, float)>(_best.Count);
            while (_best.TryDequeue(out var doc, out var score)) results.Add((doc, score));
            results.Reverse();
            return results;
        }
    }

    private sealed class Config : ManualConfig
    {
        // One query per iteration (P50/P95 of single queries); short enough to rerun on a shared machine.
        public Config() => AddJob(Job.Default
            .WithWarmupCount(10).WithIterationCount(60).WithInvocationCount(1).WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove));
    }
}
