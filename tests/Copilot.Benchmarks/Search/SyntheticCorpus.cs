using Copilot.Benchmarks.Infrastructure;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Knowledge;
using Copilot.Knowledge.Chunking;
using Copilot.Knowledge.Extraction;
using Copilot.Knowledge.Index;

namespace Copilot.Benchmarks.Search;

/// <summary>
/// A seeded corpus of any size modelled on the real one (the three laws and knowledge/): each synthetic document
/// copies a real document's metadata, chunk count, sections and sentences per chunk, and fills its chunks with
/// sentences drawn at random from real text of its language, so term statistics and chunk lengths stay realistic.
/// </summary>
public sealed class SyntheticCorpus
{
    public const int Dimensions = 256;

    private readonly IReadOnlyList<(DocumentMetadata Metadata, IReadOnlyList<KnowledgeChunk> Chunks)> _templates;
    private readonly IReadOnlyDictionary<string, string[]> _sentences;

    private SyntheticCorpus(IReadOnlyList<(DocumentMetadata, IReadOnlyList<KnowledgeChunk>)> templates)
    {
        _templates = templates;
        _sentences = templates.GroupBy(t => t.Item1.Language)
            .ToDictionary(g => g.Key, g => g.SelectMany(t => t.Item2).SelectMany(c => SentenceSplitter.Split(c.Text)).ToArray());
    }

    /// <summary>Chunks the real corpus as the service does, to serve as templates.</summary>
    public static SyntheticCorpus FromRealCorpus()
    {
        var options = new KnowledgeOptions();
        var chunker = new StructuredChunker(TokenCounter.Shared, options.ChunkTokens, options.ChunkOverlapTokens);
        var templates = new List<(DocumentMetadata, IReadOnlyList<KnowledgeChunk>)>();
        void Add(string fileName, byte[] content, IReadOnlyDictionary<string, string?> fields)
        {
            var extracted = TextExtractors.Default.Extract(fileName, new MemoryStream(content));
            var merged = extracted.FrontMatter.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in fields) merged[key] = value;
            var metadata = DocumentMetadataParser.Parse(merged, Path.GetFileNameWithoutExtension(fileName), extracted.Text);
            templates.Add((metadata, chunker.Chunk(metadata.Id, extracted.Text)));
        }
        foreach (var law in LawFile.LoadAll()) Add(law.FileName, law.Content, LawFile.Fields(law.DocumentId));
        foreach (var file in Directory.EnumerateFiles(TestPaths.KnowledgeFolder, "*.md").Order(StringComparer.Ordinal))
            Add(Path.GetFileName(file), File.ReadAllBytes(file), new Dictionary<string, string?> { ["id"] = Path.GetFileNameWithoutExtension(file) });
        return new SyntheticCorpus(templates);
    }

    /// <summary>Documents totalling exactly <paramref name="chunks"/> chunks, the same for the same seed.</summary>
    public IEnumerable<(DocumentMetadata Document, IReadOnlyList<IndexedChunk> Chunks)> Generate(int chunks, bool vectors, int seed)
    {
        var random = new Random(seed);
        // Vectors come from their own sequence, so the texts are the same with or without them.
        var vectorRandom = new Random(seed + 1);
        for (var made = 0; made < chunks;)
        {
            var (template, templateChunks) = _templates[random.Next(_templates.Count)];
            var document = template with { Id = $"syn-{made:D7}" };
            var pool = _sentences[template.Language];
            var separator = template.Language == "en" ? " " : "";
            var count = Math.Min(templateChunks.Count, chunks - made);
            var generated = new List<IndexedChunk>(count);
            for (var i = 0; i < count; i++)
            {
                var model = templateChunks[i];
                var sentences = Math.Max(1, SentenceSplitter.Split(model.Text).Count);
                var text = string.Join(separator, Enumerable.Range(0, sentences).Select(_ => pool[random.Next(pool.Length)]));
                var chunk = new KnowledgeChunk(KnowledgeChunk.IdFor(document.Id, i), document.Id, i, model.Section, text, TokenCounter.Shared.Count(text));
                generated.Add(new IndexedChunk(chunk, vectors ? RandomVector(vectorRandom) : null));
            }
            made += count;
            yield return (document, generated);
        }
    }

    public static ReadOnlyMemory<float> RandomVector(Random random)
    {
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i++) vector[i] = random.NextSingle() * 2 - 1;
        return vector;
    }
}
