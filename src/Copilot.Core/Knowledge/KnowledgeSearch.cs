using Copilot.Knowledge.Index;
using Copilot.Llm;

namespace Copilot.Knowledge;

/// <summary>Hybrid retrieval: embeds the query when embeddings are on, then asks the index.</summary>
public sealed class KnowledgeSearch(IKnowledgeIndex index, TextEmbedder embedder)
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int top, KnowledgeFilter filter, CancellationToken ct)
    {
        var vector = await embedder.EmbedQueryAsync(query, ct);
        return await index.SearchAsync(new SearchRequest(query, top, filter, vector), ct);
    }
}
