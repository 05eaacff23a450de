using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Copilot.Api.Hosting;
using Copilot.Chat;
using Microsoft.AspNetCore.Mvc;

namespace Copilot.Api.Chat;

/// <summary>
/// The SSE form of an answer: "start" (conversation and generator), "delta" pieces, then "done" with the
/// whole answer and its citations — or "error" with a problem if the model fails mid-answer.
/// </summary>
internal static class ChatEventStream
{
    public static async IAsyncEnumerable<SseItem<object>> ToEvents(
        ChatSession session, string generator, ILogger logger, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return new SseItem<object>(new ChatStreamStarted(session.ConversationId, generator), "start");
        await using var events = session.Events.GetAsyncEnumerator(ct);
        while (true)
        {
            SseItem<object>? item;
            try
            {
                if (!await events.MoveNextAsync()) yield break;
                item = events.Current switch
                {
                    AnswerDelta delta => new SseItem<object>(new ChatStreamDelta(delta.Text), "delta"),
                    AnswerCompleted done => new SseItem<object>(
                        ChatResponse.From(session.ConversationId, done.Answer), "done"),
                    var other => throw new InvalidOperationException($"Unexpected answer event {other.GetType().Name}."),
                };
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The model's failure as the same problem a non-streamed request gets; nothing of the half answer is stored.
                if (ModelFailureExceptionHandler.ToProblem(e) is { } model)
                {
                    logger.LogWarning("Answer stream for conversation {ConversationId} failed with {Status}: {Reason}",
                        session.ConversationId, model.Problem.Status, model.Problem.Detail);
                    if (model.RetryAfter is { } wait) model.Problem.Extensions["retryAfterSeconds"] = ModelFailureExceptionHandler.Seconds(wait);
                    item = new SseItem<object>(model.Problem, "error");
                }
                else
                {
                    logger.LogError(e, "Answer stream for conversation {ConversationId} failed", session.ConversationId);
                    item = new SseItem<object>(new ProblemDetails
                    {
                        Status = StatusCodes.Status500InternalServerError,
                        Title = "The answer could not be completed.",
                        Detail = "The answer failed; nothing of it was stored. Try again.",
                    }, "error");
                }
            }
            yield return item.Value;
            if (item.Value.EventType == "error") yield break;
        }
    }
}
