using System.Numerics.Tensors;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Copilot.Knowledge.Index.Lucene;

/// <summary>
/// Scores every document the filter lets through by cosine similarity with the query, reading each segment's vectors
/// from its <see cref="SegmentVectors"/> (one contiguous, normalised array), and keeps the best in a bounded heap.
/// A query allocates its heap and nothing per document, whatever the corpus size.
/// </summary>
internal sealed class VectorCollector : ICollector
{
    private readonly float[] _query;
    private readonly int _top;
    private readonly PriorityQueue<int, float> _best; // a min-heap of the best so far: its root is the one to beat
    private SegmentVectors? _vectors;
    private int _docBase;

    public VectorCollector(float[] query, int top)
    {
        _top = top;
        _best = new PriorityQueue<int, float>(top + 1);
        var norm = TensorPrimitives.Norm(query);
        // Against unit document vectors, the dot product with the unit query is the cosine; a zero query scores 0 everywhere, as before.
        _query = norm > 0 ? Normalised(query, norm) : new float[query.Length];
    }

    private static float[] Normalised(float[] query, float norm)
    {
        var unit = new float[query.Length];
        TensorPrimitives.Divide(query, norm, unit);
        return unit;
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        _vectors = SegmentVectors.For(context.AtomicReader, _query.Length);
        _docBase = context.DocBase;
    }

    public void Collect(int doc)
    {
        if (_vectors is not { } vectors || !vectors.Has(doc)) return;
        var score = TensorPrimitives.Dot(vectors.Vector(doc), _query);
        if (_best.Count < _top) _best.Enqueue(_docBase + doc, score);
        else if (_best.TryPeek(out _, out var worst) && score > worst) _best.EnqueueDequeue(_docBase + doc, score);
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
