using Microsoft.Extensions.AI;

namespace Copilot.Llm;

/// <summary>Embeds text when an embedding model is configured; otherwise says it is off and retrieval stays lexical.</summary>
public sealed class TextEmbedder(IEmbeddingGenerator<string, Embedding<float>>? generator)
{
    private const int BatchSize = 64;

    public bool IsEnabled => generator is not null;

    public async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        if (generator is null) throw new InvalidOperationException("No embedding model is configured (Llm:EmbeddingModel).");
        var vectors = new List<ReadOnlyMemory<float>>(texts.Count);
        foreach (var batch in texts.Chunk(BatchSize))
        {
            var embeddings = await generator.GenerateAsync(batch, cancellationToken: ct);
            vectors.AddRange(embeddings.Select(e => e.Vector));
        }
        return vectors;
    }

    public async Task<ReadOnlyMemory<float>?> EmbedQueryAsync(string text, CancellationToken ct) =>
        generator is null ? null : (await EmbedAsync([text], ct))[0];
}
