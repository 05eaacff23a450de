using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Copilot.Llm;

/// <summary>
/// The pipeline layer under the resilience handler's verdict: a call that still failed becomes a
/// <see cref="ModelCallException"/> with a status and reason, and a stream that ends without a finish reason (the
/// connection closed mid-answer) is a failure, never a short answer. A stream that goes silent for longer than the
/// idle timeout is cut here: the resilience handler's timeouts end with the response headers, so they cannot.
/// </summary>
internal sealed class ModelFailureChatClient(IChatClient inner, TimeSpan circuitBreak, TimeSpan streamIdle) : DelegatingChatClient(inner)
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
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        IAsyncEnumerator<ChatResponseUpdate> updates;
        try
        {
            updates = base.GetStreamingResponseAsync(messages, options, idle.Token).GetAsyncEnumerator(idle.Token);
        }
        catch (Exception e) when (!IsCallersCancellation(e, cancellationToken))
        {
            throw ModelFailures.Classify(e, circuitBreak);
        }
        await using (updates)
        {
            var finished = false;
            var first = true;
            while (true)
            {
                try
                {
                    // The first step sends the request (bounded by the resilience handler); later ones only read.
                    if (!first) idle.CancelAfter(streamIdle);
                    first = false;
                    var more = await updates.MoveNextAsync();
                    idle.CancelAfter(Timeout.InfiniteTimeSpan);
                    if (!more) break;
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
