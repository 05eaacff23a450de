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
            rankings.Add(await RankAsync(phrasing, top, filter, ct));
        return Fuse(rankings, top);
    }

    /// <summary>
    /// One phrasing's ranking, not yet fused or spread across documents: chat ranks the question as asked while the model
    /// is still rewriting it, then fuses the two with <see cref="Fuse"/> — the same hits as <see cref="SearchAsync(IReadOnlyList{string}, int, KnowledgeFilter, CancellationToken)"/>.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> RankAsync(string phrasing, int top, KnowledgeFilter filter, CancellationToken ct)
    {
        var vector = await embedder.EmbedQueryAsync(phrasing, ct);
        var expansion = _dictionary.Expand(phrasing);
        return DocumentTypePrior.Apply(await index.SearchAsync(new SearchRequest(phrasing, top * PoolPerHit, filter, vector, expansion), ct), expansion);
    }

    /// <summary>Rankings from <see cref="RankAsync"/> fused by reciprocal rank and spread across documents (one ranking is only spread).</summary>
    public static IReadOnlyList<SearchHit> Fuse(IReadOnlyList<IReadOnlyList<SearchHit>> rankings, int top)
    {
        if (rankings.Count == 1) return ResultDiversifier.Diversify(rankings[0], top, ResultDiversifier.DefaultPerDocument);
        var byId = rankings.SelectMany(r => r).GroupBy(h => h.Chunk.ChunkId).ToDictionary(g => g.Key, g => g.First());
        var fused = ReciprocalRankFusion.Fuse(rankings.Select(r => (IReadOnlyList<string>)r.Select(h => h.Chunk.ChunkId).ToList()))
            .Select(f => byId[f.Key] with { Score = f.Score })
            .ToList();
        return ResultDiversifier.Diversify(fused, top, ResultDiversifier.DefaultPerDocument);
    }
}
