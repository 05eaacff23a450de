using System.Collections.Concurrent;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Copilot.Knowledge.Index.Lucene;

/// <summary>
/// One segment's stored vectors of one dimension, unit-normalised and laid end to end in a single array, so a query
/// scores them with SIMD dot products over contiguous memory instead of copying each out of Lucene's doc values.
/// Built the first time a searcher over the segment opens and kept while the segment lives: Lucene segments never
/// change once written (an updated chunk is a new document in a newer segment, a deleted one is masked by live docs),
/// so the copy is exact until the segment is merged away, and it is then collected with its core.
/// </summary>
internal sealed class SegmentVectors
{
    // Keyed by the segment's core, which reopened readers of the same segment share; weak, so merged-away segments go.
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<int, SegmentVectors>> Cache = new();

    private readonly float[] _values;
    private readonly bool[] _present;

    private SegmentVectors(int dimensions, float[] values, bool[] present)
    {
        Dimensions = dimensions;
        _values = values;
        _present = present;
    }

    public int Dimensions { get; }

    /// <summary>The segment's vectors of <paramref name="dimensions"/> floats (a chunk embedded by another model has another size and is skipped, as before).</summary>
    public static SegmentVectors For(AtomicReader reader, int dimensions) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<int, SegmentVectors>())
            .GetOrAdd(dimensions, d => Load(reader, d));

    /// <summary>Loads a new segment's vectors at the dimension its first vector has, so the first query after a refresh does not pay for it.</summary>
    public static void Warm(AtomicReader reader)
    {
        if (reader.GetBinaryDocValues(LuceneFields.Vector) is not { } values) return;
        var docs = reader.GetDocsWithField(LuceneFields.Vector);
        var bytes = new BytesRef();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (docs is not null && !docs.Get(doc)) continue;
            values.Get(doc, bytes);
            if (bytes.Length > 0 && bytes.Length % sizeof(float) == 0)
            {
                For(reader, bytes.Length / sizeof(float));
                return;
            }
        }
    }

    /// <summary>Whether the document has a vector of this dimension.</summary>
    public bool Has(int doc) => _present[doc];

    /// <summary>The document's unit vector (all zeros for a zero vector, which therefore scores 0 as before).</summary>
    public ReadOnlySpan<float> Vector(int doc) => _values.AsSpan(doc * Dimensions, Dimensions);

    private static SegmentVectors Load(AtomicReader reader, int dimensions)
    {
        var maxDoc = reader.MaxDoc;
        var present = new bool[maxDoc];
        var values = reader.GetBinaryDocValues(LuceneFields.Vector);
        if (values is null) return new SegmentVectors(dimensions, [], present);
        var docs = reader.GetDocsWithField(LuceneFields.Vector);
        var all = new float[checked(maxDoc * dimensions)];
        var bytes = new BytesRef();
        for (var doc = 0; doc < maxDoc; doc++)
        {
            if (docs is not null && !docs.Get(doc)) continue;
            values.Get(doc, bytes);
            if (bytes.Length != dimensions * sizeof(float)) continue;
            var target = all.AsSpan(doc * dimensions, dimensions);
            LuceneChunkMapper.ReadVector(bytes).CopyTo(target);
            var norm = TensorPrimitives.Norm(target);
            if (norm > 0) TensorPrimitives.Divide(target, norm, target);
            present[doc] = true;
        }
        return new SegmentVectors(dimensions, all, present);
    }
}
