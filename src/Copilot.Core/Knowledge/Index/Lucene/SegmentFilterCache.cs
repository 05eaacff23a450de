using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Copilot.Knowledge.Index.Lucene;

/// <summary>
/// A metadata filter as a random-access bit set per segment, computed once per segment and filter and kept while the
/// segment lives (segments never change; deletions are applied per query from the reader's live docs).
/// Why: wrapped as a plain query filter, Lucene leap-frogs it against the BM25 query, which forces the in-order
/// disjunction scorer over every clause; random-access bits let it use the bulk scorer instead, and a query no longer
/// walks the filter's posting lists (every valid chunk, at 100k chunks) nor allocates a bit set per segment.
/// </summary>
internal sealed class SegmentFilterCache : Filter
{
    // Per segment, the few filters callers use (type, audience, product, day); a day's filter replaces yesterday's.
    private const int FiltersPerSegment = 32;

    // Keyed weakly by the segment's core, which reopened readers share, so merged-away segments' bits go with them.
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<KnowledgeFilter, FixedBitSet>> Cache = new();

    private readonly KnowledgeFilter _filter;

    public SegmentFilterCache(KnowledgeFilter filter) => _filter = filter;

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        var filters = Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<KnowledgeFilter, FixedBitSet>());
        if (!filters.TryGetValue(_filter, out var bits))
        {
            if (filters.Count >= FiltersPerSegment) filters.Clear();
            bits = filters.GetOrAdd(_filter, Compute(context));
        }
        return BitsFilteredDocIdSet.Wrap(bits, acceptDocs);
    }

    // Every document of the segment the filter's query matches, deleted or not; live docs are applied per query.
    private FixedBitSet Compute(AtomicReaderContext context)
    {
        var bits = new FixedBitSet(context.AtomicReader.MaxDoc);
        var matches = new QueryWrapperFilter(LuceneQueryBuilder.Filter(_filter)).GetDocIdSet(context, null);
        if (matches?.GetIterator() is { } iterator) bits.Or(iterator);
        return bits;
    }

    public override string ToString() => $"SegmentFilterCache({_filter})";
}
