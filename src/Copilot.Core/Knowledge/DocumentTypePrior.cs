using Copilot.Knowledge.Dictionary;

namespace Copilot.Knowledge;

/// <summary>
/// Re-ranks a candidate pool by a prior on document type when the question's words say which kind of document
/// answers it (a dictionary group's <c>prefers</c>, e.g. compliance for "is this legal / what is the penalty").
/// Without it the firm's product sheets and FAQs, which repeat a question's everyday words (不保本, 承诺收益), outrank the
/// article that rules on it. Multiplicative, so it works on BM25 and fused reciprocal-rank scores alike, and a far
/// better match of another type still wins.
/// </summary>
public static class DocumentTypePrior
{
    /// <summary>Score kept by a document not of a preferred type: chosen on the development sets (docs/benchmarks.md).</summary>
    public const double OtherTypeFactor = 0.8;

    public static IReadOnlyList<SearchHit> Apply(IReadOnlyList<SearchHit> ranked, QueryExpansion expansion)
    {
        if (expansion.PreferredTypes.Count == 0 || ranked.Count == 0) return ranked;
        return ranked
            .Select((hit, order) => (hit, order, score: expansion.PreferredTypes.Contains(hit.Document.Type) ? hit.Score : hit.Score * OtherTypeFactor))
            .OrderByDescending(x => x.score).ThenBy(x => x.order)
            .Select(x => x.hit with { Score = x.score })
            .ToList();
    }
}
