using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Copilot.Llm;

/// <summary>
/// The pipeline layer under the resilience handler's verdict: a call that still failed becomes a
/// <see cref="ModelCallException"/> with a status and reason, and a stream that ends without a finish reason (the
/// connection closed mid-answer) is a failure, never a short answer.
/// </summary>
internal sealed class ModelFailureChatClient(IChatClient inner, TimeSpan circuitBreak) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception e) when (!IsCallersCancellation(e, cancellationToken))
        {
            throw ModelFailures.Classify(e, circuitBreak);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IAsyncEnumerator<ChatResponseUpdate> updates;
        try
        {
            updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception e) when (!IsCallersCancellation(e, cancellationToken))
        {
            throw ModelFailures.Classify(e, circuitBreak);
        }
        await using (updates)
        {
            var finished = false;
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync()) break;
                }
                catch (Exception e) when (!IsCallersCancellation(e, cancellationToken))
                {
                    throw ModelFailures.Classify(e, circuitBreak);
                }
                finished |= updates.Current.FinishReason is not null;
                yield return updates.Current;
            }
            if (!finished)
                throw new ModelCallException(502, "The language model's answer was cut off before it finished.", null, null);
        }
    }

    private static bool IsCallersCancellation(Exception e, CancellationToken ct) =>
        e is OperationCanceledException && ct.IsCancellationRequested;
}
