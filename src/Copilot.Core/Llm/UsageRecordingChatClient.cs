using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Copilot.Llm;

/// <summary>
/// The pipeline layer that records the usage the model reports for every call, streamed or not, with its purpose,
/// advisor and caller: what the daily budget is checked against.
/// </summary>
internal sealed class UsageRecordingChatClient(IChatClient inner, ModelUsageLedger ledger, string model)
    : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = ModelCallContext.Value;
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        if (response.Usage is { } usage)
            await ledger.RecordAsync(call, response.ModelId ?? model, usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Read when the call starts: an async iterator's caller may not carry the context on later steps.
        var call = ModelCallContext.Value;
        long input = 0, output = 0;
        var reported = false;
        string? modelId = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            modelId ??= update.ModelId;
            foreach (var usage in update.Contents.OfType<UsageContent>())
            {
                reported = true;
                input += usage.Details.InputTokenCount ?? 0;
                output += usage.Details.OutputTokenCount ?? 0;
            }
            yield return update;
        }
        if (reported) await ledger.RecordAsync(call, modelId ?? model, input, output);
    }
}
