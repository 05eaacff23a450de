using Copilot.Compliance.Text;

namespace Copilot.Compliance.Rules;

/// <summary>
/// Kind "near": concepts of the lexicon found together, each within N characters (zh) or words (en) of the first and in
/// the same clause, or sentence with scope "sentence" ("保证" near "收益", "guarantee" near "return", "password" near "send me"), the way surveillance
/// lexicons combine terms instead of listing every phrasing. The match is not a violation when any of its parts is negated
/// (不能保证收益, returns are not guaranteed), when it is only quoted to be disowned, or when it lies in a disclaimer.
/// With unless groups, a match counts only when a group is missing from the whole text.
/// </summary>
internal sealed class ProximityMatcher(
    IReadOnlyList<Concept> concepts, IReadOnlyDictionary<string, int> within, bool sentenceScope, bool negatable, bool firstOnly,
    IReadOnlyList<RequirementGroup> unless, PhraseSet postCues) : IRuleMatcher
{
    public IReadOnlyList<Concept> Concepts { get; } = concepts;

    public IEnumerable<RuleHit> Match(CheckContext context)
    {
        var text = context.Text;
        var hits = Concepts.Select(text.Hits).ToList();
        if (hits.Any(h => h.Count == 0)) yield break;
        var window = within.GetValueOrDefault(text.Language);
        var satisfied = (bool?)null;
        foreach (var anchor in hits[0])
        {
            if (Combine(text, anchor, hits, window, sentenceScope) is not { } parts) continue;
            var span = new TextSpan(parts.Min(p => p.Start), parts.Max(p => p.End));
            if (negatable && (text.IsInDisclaimer(span) || text.IsQuotedMention(span) || text.Profile.IsDebunked(text.Text, span) || parts.Any(p => text.Profile.IsNegated(text.Text, p, postCues))))
                continue;
            satisfied ??= unless.Count > 0 && unless.All(group => text.Contains(group.Phrases));
            if (satisfied == true) yield break;
            yield return new RuleHit(span, Values.Match(text, span));
            if (firstOnly) yield break;
        }
    }

    // For each further concept, its nearest occurrence in the anchor's clause and window that overlaps no part taken.
    private static List<TextSpan>? Combine(CheckedText text, TextSpan anchor, List<IReadOnlyList<TextSpan>> hits, int window, bool sentenceScope)
    {
        var parts = new List<TextSpan>(hits.Count) { anchor };
        for (var k = 1; k < hits.Count; k++)
        {
            TextSpan? best = null;
            var bestGap = int.MaxValue;
            foreach (var candidate in hits[k])
            {
                if (parts.Any(p => p.Overlaps(candidate))) continue;
                var gap = text.Profile.Gap(text.Text, anchor, candidate);
                if (gap > window || gap >= bestGap) continue;
                var (from, to) = candidate.Start < anchor.Start ? (candidate.End, anchor.Start) : (anchor.End, candidate.Start);
                if (sentenceScope ? text.Profile.HasSentenceBreak(text.Text, from, to) : text.Profile.HasClauseBreak(text.Text, from, to)) continue;
                (best, bestGap) = (candidate, gap);
            }
            if (best is null) return null;
            parts.Add(best.Value);
        }
        return parts;
    }
}
