using System.IO.Enumeration;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Copilot.Benchmarks.Infrastructure;
using Copilot.Knowledge;
using Copilot.Knowledge.Index.Lucene;
using Perfolizer.Mathematics.OutlierDetection;

namespace Copilot.Benchmarks.Search;

/// <summary>
/// Search latency of the Lucene index on a seeded synthetic corpus of 10k and 100k chunks: lexical BM25 as the
/// service runs without embeddings, and hybrid on an index of the same texts whose chunks carry 256-dimension
/// vectors (BM25 plus a cosine scan, fused by reciprocal rank). Filtered to documents valid today, as the API is.
/// </summary>
[Config(typeof(Config))]
public class SearchBenchmarks
{
    internal const int Seed = 20261125;
    internal static readonly KnowledgeFilter ValidToday = new(ValidOn: new DateOnly(2026, 11, 25));

    private LuceneKnowledgeIndex _index = null!;
    private ReadOnlyMemory<float>[] _queryVectors = [];
    private int _next;

    /// <summary>10k and 100k chunks; COPILOT_BENCH_CHUNKS=10000 (comma-separated) measures fewer, e.g. on a busy machine.</summary>
    public static IReadOnlyList<int> Sizes { get; } =
        Environment.GetEnvironmentVariable("COPILOT_BENCH_CHUNKS") is { Length: > 0 } sizes ? [.. sizes.Split(',').Select(int.Parse)] : [10_000, 100_000];

    [ParamsSource(nameof(Sizes))]
    public int Chunks { get; set; }

    /// <summary>Builds the indexes the filter will search before any measuring process starts.</summary>
    public static Task PrepareIndexesAsync(IReadOnlyList<string> filters)
    {
        var lexical = $"{typeof(SearchBenchmarks).FullName}.{nameof(Lexical)}";
        var vectors = new[] { $"{typeof(SearchBenchmarks).FullName}.{nameof(Hybrid)}" }
            .Concat(VectorScanBenchmarks.Names).ToList();
        bool Wanted(string name) => filters.Any(filter => FileSystemName.MatchesSimpleExpression(filter, name));
        var indexes = Sizes.SelectMany(size => new[] { (size, false), (size, true) })
            .Where(i => i.Item2 ? vectors.Any(Wanted) : Wanted(lexical)).ToList();
        return indexes.Count == 0 ? Task.CompletedTask : SearchIndexCache.PrepareAsync(indexes, Seed);
    }

    [GlobalSetup(Target = nameof(Lexical))]
    public Task OpenLexicalAsync() => OpenAsync(vectors: false);

    [GlobalSetup(Target = nameof(Hybrid))]
    public Task OpenHybridAsync() => OpenAsync(vectors: true);

    [GlobalCleanup]
    public void CloseIndex()
    {
        ProcessFootprint.Print($"After the run, {Chunks:N0} chunks");
        _index.Dispose();
    }

    [Benchmark(Description = "Lexical (BM25)")]
    public Task<IReadOnlyList<SearchHit>> Lexical() =>
        _index.SearchAsync(new SearchRequest(NextQuestion(out _), 5, ValidToday), CancellationToken.None);

    [Benchmark(Description = "Hybrid (BM25 + cosine, RRF)")]
    public Task<IReadOnlyList<SearchHit>> Hybrid() =>
        _index.SearchAsync(new SearchRequest(NextQuestion(out var i), 5, ValidToday, _queryVectors[i]), CancellationToken.None);

    private string NextQuestion(out int index)
    {
        index = _next++ % BenchmarkQuestions.All.Count;
        return BenchmarkQuestions.All[index];
    }

    private async Task OpenAsync(bool vectors)
    {
        var (folder, builtHere) = await SearchIndexCache.OpenOrBuildAsync(Chunks, vectors, Seed);
        _index = new LuceneKnowledgeIndex(folder, new KnowledgeOptions().CandidatePool);
        var random = new Random(Seed + 2);
        _queryVectors = BenchmarkQuestions.All.Select(_ => SyntheticCorpus.RandomVector(random)).ToArray();
        // A first search opens the searcher and maps the files, as a serving process would have done already.
        await (vectors ? Hybrid() : Lexical());
        _next = 0;
        ProcessFootprint.Print($"After setup, {(vectors ? "hybrid" : "lexical")} index of {Chunks:N0} chunks" +
            (builtHere ? " (built in this process, so memory includes the build's leftovers)" : ""), folder);
    }

    private sealed class Config : ManualConfig
    {
        // One search per iteration, so P50 and P95 are percentiles of single-query latency over the rotating
        // questions; slow queries are the point of P95, so none are dropped as outliers.
        public Config() => AddJob(InProcessOption.Apply(Job.Default
            .WithWarmupCount(24).WithIterationCount(120).WithInvocationCount(1).WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove)));
    }
}
