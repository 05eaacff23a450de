using Microsoft.Extensions.AI;

namespace Copilot.Llm;

/// <summary>
/// The embedding pipeline's own layer, as the chat pipeline has two: failures named with a
/// status and reason, and the reported usage recorded (purpose "embedding").
/// </summary>
internal sealed class GuardedEmbeddingGenerator(
    IEmbeddingGenerator<string, Embedding<float>> inner, ModelUsageLedger ledger, string model, TimeSpan circuitBreak)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = ModelCallContext.Value ?? new ModelCall(ModelPurpose.Embedding, null);
        call = call with { Purpose = ModelPurpose.Embedding };
        GeneratedEmbeddings<Embedding<float>> embeddings;
        try
        {
            embeddings = await base.GenerateAsync(values, options, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw ModelFailures.Classify(e, circuitBreak);
        }
        if (embeddings.Usage is { } usage)
            await ledger.RecordAsync(call, model, usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0);
        return embeddings;
    }
}
