namespace Copilot.Knowledge;

/// <summary>
/// Spreads a ranking across documents: at most a few chunks of one document among the hits, unless nothing else
/// matched. Without it one long FAQ or manual that shares the question's everyday words fills every place, and the
/// statute or second document that answers never shows.
/// </summary>
public static class ResultDiversifier
{
    public const int DefaultPerDocument = 2;

    /// <summary>The first <paramref name="top"/> hits in rank order with no more than <paramref name="perDocument"/> per
    /// document; places left over are filled by the passed-over hits, best first.</summary>
    public static IReadOnlyList<SearchHit> Diversify(IReadOnlyList<SearchHit> ranked, int top, int perDocument)
    {
        var chosen = new List<SearchHit>(top);
        var passedOver = new List<SearchHit>();
        var perDocumentCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var hit in ranked)
        {
            if (chosen.Count == top) break;
            var count = perDocumentCount.GetValueOrDefault(hit.Document.Id);
            if (count < perDocument)
            {
                chosen.Add(hit);
                perDocumentCount[hit.Document.Id] = count + 1;
            }
            else passedOver.Add(hit);
        }
        foreach (var hit in passedOver)
        {
            if (chosen.Count == top) break;
            chosen.Add(hit);
        }
        return chosen;
    }
}
