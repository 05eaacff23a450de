using System.Diagnostics;
using Copilot.Knowledge;
using Copilot.Knowledge.Index.Lucene;

namespace Copilot.Benchmarks.Search;

/// <summary>
/// The synthetic indexes the search benchmarks open, kept in the temp folder. Building 100k chunks takes minutes and
/// is not what is measured, so the host process builds them before BenchmarkDotNet starts its measuring processes,
/// which then only open them; a stamp of the build's code lets later runs reuse them until that code changes.
/// </summary>
public static class SearchIndexCache
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "copilot-bench", "search-index");

    // Any change to the index code or to the generator gives new assemblies, hence a new stamp and a fresh build.
    private static readonly string Stamp =
        $"{typeof(LuceneKnowledgeIndex).Assembly.ManifestModule.ModuleVersionId:N} {typeof(SyntheticCorpus).Assembly.ManifestModule.ModuleVersionId:N}";

    public static string FolderFor(int chunks, bool vectors, int seed) =>
        Path.Combine(Root, $"{chunks}-{(vectors ? "vectors" : "lexical")}-{seed}");

    /// <summary>Builds every index that is missing or stale, two at a time: one per core, as each build is mostly one thread.</summary>
    public static async Task PrepareAsync(IEnumerable<(int Chunks, bool Vectors)> indexes, int seed)
    {
        var stale = indexes.Where(i => !IsCurrent(FolderFor(i.Chunks, i.Vectors, seed))).ToList();
        if (stale.Count == 0) return;
        var corpus = SyntheticCorpus.FromRealCorpus();
        await Parallel.ForEachAsync(stale, new ParallelOptions { MaxDegreeOfParallelism = 2 },
            async (index, _) => await BuildAsync(corpus, index.Chunks, index.Vectors, seed));
    }

    /// <summary>The index's folder, building it here only when no host prepared it (e.g. a run picked from the menu).</summary>
    public static async Task<(string Folder, bool BuiltHere)> OpenOrBuildAsync(int chunks, bool vectors, int seed)
    {
        var folder = FolderFor(chunks, vectors, seed);
        if (File.Exists(Path.Combine(folder, "stamp.txt"))) return (folder, false);
        await BuildAsync(SyntheticCorpus.FromRealCorpus(), chunks, vectors, seed);
        return (folder, true);
    }

    // COPILOT_BENCH_KEEP_INDEX=1 keeps an index whatever code built it: to compare a query-side change before and
    // after on the same files (rebuilding 100k chunks takes minutes). Wrong after a change to what is indexed.
    private static bool IsCurrent(string folder) =>
        File.Exists(Path.Combine(folder, "stamp.txt")) &&
        (Environment.GetEnvironmentVariable("COPILOT_BENCH_KEEP_INDEX") == "1" || File.ReadAllText(Path.Combine(folder, "stamp.txt")) == Stamp);

    private static async Task BuildAsync(SyntheticCorpus corpus, int chunks, bool vectors, int seed)
    {
        var folder = FolderFor(chunks, vectors, seed);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        // Build on the RAM disk when there is one: on a virtual disk the fsync of each document's commit costs as much
        // as analysing its text. The finished files are copied to disk, where the benchmarks read them.
        var building = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Root, $"copilot-bench-{Guid.NewGuid():N}");
        var clock = Stopwatch.StartNew();
        var documents = 0;
        try
        {
            using (var index = new LuceneKnowledgeIndex(building, new KnowledgeOptions().CandidatePool))
            {
                foreach (var (document, documentChunks) in corpus.Generate(chunks, vectors, seed))
                {
                    await index.ReplaceDocumentAsync(document, documentChunks, CancellationToken.None);
                    documents++;
                }
            }
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.EnumerateFiles(building).Where(f => Path.GetFileName(f) != "write.lock"))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(folder, "stamp.txt"), Stamp);
        }
        finally
        {
            Directory.Delete(building, recursive: true);
        }
        Console.WriteLine($"// Built the {(vectors ? "hybrid" : "lexical")} index of {chunks:N0} chunks " +
            $"({documents:N0} documents) in {clock.Elapsed.TotalSeconds:F0} s");
    }
}
