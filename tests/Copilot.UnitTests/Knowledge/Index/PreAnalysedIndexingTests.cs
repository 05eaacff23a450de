using Copilot.Knowledge;
using Copilot.Knowledge.Chunking;
using Copilot.Knowledge.Index;
using Copilot.Knowledge.Index.Lucene;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneAnalyzer = Lucene.Net.Analysis.Analyzer;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Copilot.UnitTests.Knowledge.Index;

/// <summary>
/// The index analyses chunks before the writer sees them (in parallel, each title once) and the writer replays the
/// tokens. The index must be the one the writer's own analysis gave before: every term of every analysed field with
/// the same documents, frequencies and positions, the same norms (BM25's length), the same stored values.
/// </summary>
public sealed class PreAnalysedIndexingTests : IDisposable
{
    private static readonly string[] AnalysedFields =
        [LuceneFields.Text, LuceneFields.TextBigrams, LuceneFields.Section, LuceneFields.Title, LuceneFields.TitleBigrams];

    private readonly TemporaryFolder _service = new();
    private readonly TemporaryFolder _reference = new();

    [Fact]
    public async Task Pre_analysed_chunks_index_exactly_as_the_writers_own_analysis_did()
    {
        var (law, lawChunks) = LawChunks();
        var (memo, memoChunks) = EnglishChunks();
        using (var index = new LuceneKnowledgeIndex(_service.Path, candidatePool: 40))
        {
            await index.ReplaceDocumentAsync(law, lawChunks, CancellationToken.None);
            await index.ReplaceDocumentAsync(memo, memoChunks, CancellationToken.None);
        }
        WriteReference([(law, lawChunks), (memo, memoChunks)]);

        using var serviceDirectory = FSDirectory.Open(_service.Path);
        using var referenceDirectory = FSDirectory.Open(_reference.Path);
        using var actual = DirectoryReader.Open(serviceDirectory);
        using var expected = DirectoryReader.Open(referenceDirectory);
        Assert.Equal(lawChunks.Count + memoChunks.Count, expected.MaxDoc);
        Assert.Equal(expected.MaxDoc, actual.MaxDoc);
        foreach (var field in AnalysedFields)
        {
            Assert.Equal(Postings(expected, field), Postings(actual, field));
            Assert.Equal(Norms(expected, field), Norms(actual, field));
        }
        for (var doc = 0; doc < expected.MaxDoc; doc++)
        {
            Assert.Equal(expected.Document(doc).Get(LuceneFields.Text), actual.Document(doc).Get(LuceneFields.Text));
            Assert.Equal(expected.Document(doc).Get(LuceneFields.Section), actual.Document(doc).Get(LuceneFields.Section));
        }
    }

    private static (DocumentMetadata, IReadOnlyList<IndexedChunk>) LawChunks()
    {
        var text = File.ReadAllText(TestPaths.Law("证券法-2019.md"));
        var metadata = new DocumentMetadata { Id = "sec-law", Title = "中华人民共和国证券法（2019年修订）", Type = DocumentType.Compliance };
        var chunks = new StructuredChunker(TokenCounter.Shared, 512, 64).Chunk(metadata.Id, text);
        return (metadata, chunks.Take(120).Select(c => new IndexedChunk(c, null)).ToList());
    }

    // Stop words at the end leave a trailing position hole, which the replay must report as the analysis did.
    private static (DocumentMetadata, IReadOnlyList<IndexedChunk>) EnglishChunks()
    {
        var metadata = new DocumentMetadata { Id = "memo", Title = "The Margin Trading FAQ for the Advisors of the", Type = DocumentType.Faq, Language = "en" };
        string[] texts = ["Margin trading is offered to qualified clients only, and it is", "ＦＵＬＬ-width ＡＢＣ and 融资融券 mixed in one line of the"];
        return (metadata, texts.Select((t, i) => new IndexedChunk(
            new KnowledgeChunk(KnowledgeChunk.IdFor(metadata.Id, i), metadata.Id, i, "Rules > Who may", t, t.Length), null)).ToList());
    }

    // The mapping before pre-analysis: plain text fields the writer analyses with its per-field analyzer.
    private void WriteReference(IEnumerable<(DocumentMetadata Metadata, IReadOnlyList<IndexedChunk> Chunks)> documents)
    {
        using var words = new CopilotAnalyzer();
        using var bigrams = new CjkBigramAnalyzer();
        using var analyzer = new PerFieldAnalyzerWrapper(words, new Dictionary<string, LuceneAnalyzer>
        {
            [LuceneFields.TextBigrams] = bigrams,
            [LuceneFields.TitleBigrams] = bigrams,
        });
        using var directory = FSDirectory.Open(_reference.Path);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { Similarity = new BM25Similarity() });
        foreach (var (metadata, chunks) in documents)
        {
            writer.UpdateDocuments(new Term(LuceneFields.DocumentId, metadata.Id), chunks.Select(indexed => new LuceneDocument
            {
                new StringField(LuceneFields.DocumentId, metadata.Id, Field.Store.YES),
                new TextField(LuceneFields.Section, indexed.Chunk.Section, Field.Store.YES),
                new TextField(LuceneFields.Text, indexed.Chunk.Text, Field.Store.YES),
                new TextField(LuceneFields.TextBigrams, indexed.Chunk.Text, Field.Store.NO),
                new TextField(LuceneFields.Title, metadata.Title, Field.Store.NO),
                new TextField(LuceneFields.TitleBigrams, metadata.Title, Field.Store.NO),
            }));
            writer.Commit();
        }
    }

    // Every term of the field with each document it occurs in and its positions there, in index order.
    private static List<string> Postings(IndexReader reader, string field)
    {
        var postings = new List<string>();
        var terms = MultiFields.GetTerms(reader, field);
        Assert.NotNull(terms);
        var termsEnum = terms.GetEnumerator();
        while (termsEnum.MoveNext())
        {
            var docs = termsEnum.DocsAndPositions(null, null)!;
            while (docs.NextDoc() != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS)
            {
                var positions = Enumerable.Range(0, docs.Freq).Select(_ => docs.NextPosition());
                postings.Add($"{termsEnum.Term.Utf8ToString()} {docs.DocID}: {string.Join(',', positions)}");
            }
        }
        Assert.NotEmpty(postings);
        return postings;
    }

    private static List<long> Norms(IndexReader reader, string field)
    {
        var norms = MultiDocValues.GetNormValues(reader, field);
        Assert.NotNull(norms);
        return Enumerable.Range(0, reader.MaxDoc).Select(doc => norms.Get(doc)).ToList();
    }

    public void Dispose()
    {
        _service.Dispose();
        _reference.Dispose();
    }
}
