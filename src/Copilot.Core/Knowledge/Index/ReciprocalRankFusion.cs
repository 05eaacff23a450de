namespace Copilot.Knowledge.Index;

/// <summary>Fuses ranked lists by reciprocal rank (Cormack et al. 2009): score = Σ 1 / (k + rank).</summary>
public static class ReciprocalRankFusion
{
    public const int DefaultK = 60;

    public static IReadOnlyList<(TKey Key, double Score)> Fuse<TKey>(IEnumerable<IReadOnlyList<TKey>> rankings, int k = DefaultK)
        where TKey : notnull
    {
        var scores = new Dictionary<TKey, double>();
        var firstSeen = new Dictionary<TKey, int>();
        foreach (var ranking in rankings)
        {
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                var key = ranking[rank];
                scores[key] = scores.GetValueOrDefault(key) + 1.0 / (k + rank + 1);
                firstSeen.TryAdd(key, firstSeen.Count);
            }
        }
        return scores
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => firstSeen[pair.Key])
            .Select(pair => (pair.Key, pair.Value))
            .ToList();
    }
}
