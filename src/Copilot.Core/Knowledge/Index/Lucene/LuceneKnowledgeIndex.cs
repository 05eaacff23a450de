using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using LuceneAnalyzer = Lucene.Net.Analysis.Analyzer;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Copilot.Knowledge.Index.Lucene;

/// <summary>
/// The embedded index: Lucene on disk, BM25 over Chinese words and character pairs, and — when chunks carry
/// embeddings — a cosine scan of each segment's vectors, held in memory (<see cref="SegmentVectors"/>), fused with the lexical ranking by reciprocal rank.
/// </summary>
public sealed class LuceneKnowledgeIndex : IKnowledgeIndex, IDisposable
{
    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly LuceneQueryBuilder _queries;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly int _candidatePool;
    private readonly CopilotAnalyzer _words = new();
    private readonly CjkBigramAnalyzer _bigrams = new();

    /// <param name="maxQueryTerms">Distinct words (and character pairs) a query keeps; see <see cref="KnowledgeOptions.MaxQueryTerms"/>.</param>
    public LuceneKnowledgeIndex(string folder, int candidatePool, int maxQueryTerms = KnowledgeOptions.DefaultMaxQueryTerms)
    {
        // The whole query must stay under Lucene's clause limit, whatever a caller pastes.
        if (LuceneQueryBuilder.MaxClauses(maxQueryTerms) > BooleanQuery.MaxClauseCount)
            throw new ArgumentOutOfRangeException(nameof(maxQueryTerms), maxQueryTerms, "The query term cap would exceed Lucene's clause limit.");
        _candidatePool = candidatePool;
        // Chunks arrive analysed (LuceneChunkMapper); the writer's per-field analyzer stays for anything that is not.
        LuceneAnalyzer analyzer = new PerFieldAnalyzerWrapper(_words, new Dictionary<string, LuceneAnalyzer>
        {
            [LuceneFields.TextBigrams] = _bigrams,
            [LuceneFields.TitleBigrams] = _bigrams,
        });
        _queries = new LuceneQueryBuilder(_words, _bigrams, maxQueryTerms);
        _directory = FSDirectory.Open(System.IO.Directory.CreateDirectory(folder));
        _writer = new IndexWriter(_directory, new IndexWriterConfig(CopilotAnalyzer.Version, analyzer)
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE_OR_APPEND,
        });
        _writer.Commit();
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new BM25SearcherFactory());
    }

    public async Task ReplaceDocumentAsync(DocumentMetadata document, IReadOnlyList<IndexedChunk> chunks, CancellationToken ct)
    {
        // Analysis is most of indexing's cost: done here, on every core and outside the write lock.
        var title = LuceneChunkMapper.AnalyzedTitle.Of(document.Title, _words, _bigrams);
        var documents = new LuceneDocument[chunks.Count];
        Parallel.For(0, chunks.Count, new ParallelOptions { CancellationToken = ct },
            i => documents[i] = LuceneChunkMapper.ToDocument(document, chunks[i], title, _words, _bigrams));
        await _writeLock.WaitAsync(ct);
        try
        {
            // One call deletes the old chunks and adds the new ones atomically; readers see either version, never a mix.
            _writer.UpdateDocuments(new Term(LuceneFields.DocumentId, document.Id), documents);
            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<int> DeleteDocumentAsync(string documentId, CancellationToken ct)
    {
        var term = new Term(LuceneFields.DocumentId, documentId);
        await _writeLock.WaitAsync(ct);
        try
        {
            var count = WithSearcher(searcher => searcher.Search(new TermQuery(term), 1).TotalHits);
            _writer.DeleteDocuments(term);
            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
            return count;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var filter = new SegmentFilterCache(request.Filter);
        var pool = Math.Max(_candidatePool, request.Top);
        return Task.FromResult(WithSearcher<IReadOnlyList<SearchHit>>(searcher =>
        {
            var rankings = new List<IReadOnlyList<(int Doc, double Score)>>();
            if (_queries.Lexical(request.Query, searcher.IndexReader, request.Expansion) is { } lexical)
                rankings.Add(searcher.Search(lexical, filter, pool).ScoreDocs.Select(hit => (hit.Doc, (double)hit.Score)).ToList());
            if (request.QueryVector is { Length: > 0 } vector)
            {
                var collector = new VectorCollector(vector.ToArray(), pool);
                searcher.Search(new ConstantScoreQuery(filter), collector);
                rankings.Add(collector.Results().Select(hit => (hit.Doc, (double)hit.Score)).ToList());
            }
            // A single ranking keeps its own scores (BM25 or cosine); several are fused and carry reciprocal-rank scores.
            IReadOnlyList<(int Doc, double Score)> ranked = rankings.Count switch
            {
                0 => [],
                1 => rankings[0],
                _ => ReciprocalRankFusion.Fuse(rankings.Select(r => (IReadOnlyList<int>)r.Select(hit => hit.Doc).ToList()))
                    .Select(fused => (Doc: fused.Key, fused.Score)).ToList(),
            };
            return ranked.Take(request.Top)
                .Select(hit => LuceneChunkMapper.ToHit(searcher.Doc(hit.Doc), hit.Score))
                .ToList();
        }));
    }

    public Task<long> CountChunksAsync(CancellationToken ct) =>
        Task.FromResult((long)WithSearcher(searcher => searcher.IndexReader.NumDocs));

    public Task<SearchHit?> FindChunkAsync(string chunkId, CancellationToken ct) =>
        Task.FromResult(WithSearcher(searcher =>
        {
            var found = searcher.Search(new TermQuery(new Term(LuceneFields.ChunkId, chunkId)), 1).ScoreDocs;
            return found.Length == 0 ? null : LuceneChunkMapper.ToHit(searcher.Doc(found[0].Doc), 0);
        }));

    private T WithSearcher<T>(Func<IndexSearcher, T> action)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return action(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _words.Dispose();
        _bigrams.Dispose();
        _writeLock.Dispose();
    }

    private sealed class BM25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            // New segments' vectors are copied into memory here, on the writer's refresh, not by the first query to meet them.
            foreach (var leaf in reader.Leaves) SegmentVectors.Warm(leaf.AtomicReader);
            return new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        }
    }
}
