using Copilot.Knowledge.Dictionary;
using Copilot.Knowledge.Index;
using Copilot.Llm;

namespace Copilot.Knowledge;

/// <summary>
/// Hybrid retrieval: expands the question with the domain dictionary, embeds it when embeddings are on, asks the index
/// for a wider pool and keeps the best of it spread across documents.
/// </summary>
public sealed class KnowledgeSearch(IKnowledgeIndex index, TextEmbedder embedder, DomainDictionary? dictionary = null)
{
    /// <summary>How many candidates per wanted hit the index is asked for, so diversifying has others to choose from.</summary>
    internal const int PoolPerHit = 4;

    private readonly DomainDictionary _dictionary = dictionary ?? DomainDictionary.Empty;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int top, KnowledgeFilter filter, CancellationToken ct)
    {
        var vector = await embedder.EmbedQueryAsync(query, ct);
        var expansion = _dictionary.Expand(query);
        var hits = await index.SearchAsync(new SearchRequest(query, top * PoolPerHit, filter, vector, expansion), ct);
        return ResultDiversifier.Diversify(DocumentTypePrior.Apply(hits, expansion), top, ResultDiversifier.DefaultPerDocument);
    }

    /// <summary>Ranked lists of several phrasings of one question (e.g. the model's rewrite), fused by reciprocal rank.</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(IReadOnlyList<string> phrasings, int top, KnowledgeFilter filter, CancellationToken ct)
    {
        if (phrasings.Count == 1) return await SearchAsync(phrasings[0], top, filter, ct);
        var rankings = new List<IReadOnlyList<SearchHit>>();
        foreach (var phrasing in phrasings.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct())
        {
            var vector = await embedder.EmbedQueryAsync(phrasing, ct);
            var expansion = _dictionary.Expand(phrasing);
            rankings.Add(DocumentTypePrior.Apply(
                await index.SearchAsync(new SearchRequest(phrasing, top * PoolPerHit, filter, vector, expansion), ct), expansion));
        }
        var byId = rankings.SelectMany(r => r).GroupBy(h => h.Chunk.ChunkId).ToDictionary(g => g.Key, g => g.First());
        var fused = ReciprocalRankFusion.Fuse(rankings.Select(r => (IReadOnlyList<string>)r.Select(h => h.Chunk.ChunkId).ToList()))
            .Select(f => byId[f.Key] with { Score = f.Score })
            .ToList();
        return ResultDiversifier.Diversify(fused, top, ResultDiversifier.DefaultPerDocument);
    }
}
