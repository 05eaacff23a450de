using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Copilot.Knowledge.Index.Lucene;

/// <summary>Scores every document the filter lets through by cosine similarity of its stored vector; keeps the best.</summary>
internal sealed class VectorCollector(float[] query, int top) : ICollector
{
    private readonly PriorityQueue<int, float> _best = new();
    private readonly BytesRef _bytes = new();
    private BinaryDocValues? _vectors;
    private int _docBase;
    private readonly float _queryNorm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot<float>(query, query));

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

    /// <summary>Global doc ids, best first.</summary>
    public IReadOnlyList<(int Doc, float Score)> Results()
    {
        var results = new List<(int, float)>(_best.Count);
        while (_best.TryDequeue(out var doc, out var score)) results.Add((doc, score));
        results.Reverse();
        return results;
    }
}
