using System.ClientModel;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Copilot.Llm;

/// <summary>Names what went wrong in a failed model call, after the resilience layer gave up.</summary>
internal static class ModelFailures
{
    public static ModelCallException Classify(Exception e, TimeSpan circuitBreak)
    {
        if (e is ModelCallException known) return known;
        for (var current = e; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case BrokenCircuitException:
                    return new(503, "The language model is unavailable: too many recent calls failed, so calls are paused for a while.", circuitBreak, e);
                case TimeoutRejectedException:
                    return new(504, "The language model did not answer in time.", null, e);
                case ClientResultException { Status: 429 } limited:
                    return new(503, "The language model is rate-limiting this service; try again later.", RetryAfterOf(limited), e);
                case ClientResultException { Status: >= 500 } failed:
                    return new(502, $"The language model failed (HTTP {failed.Status}).", RetryAfterOf(failed), e);
                case ClientResultException { Status: > 0 } refused:
                    return new(502, $"The language model refused the call (HTTP {refused.Status}).", null, e);
                case JsonException or FormatException or KeyNotFoundException:
                    return new(502, "The language model's answer was malformed.", null, e);
                case OperationCanceledException:
                    // Not the caller's cancellation (that is rethrown before classifying): the stream went silent.
                    return new(504, "The language model went silent and the call timed out.", null, e);
            }
        }
        // Connection refused or reset, a stream cut mid-answer (IOException, HttpRequestException, …).
        return new(502, "The connection to the language model failed.", null, e);
    }

    /// <summary>The model's Retry-After, in seconds or as an HTTP date, if it sent one.</summary>
    public static TimeSpan? RetryAfterOf(ClientResultException e) =>
        e.GetRawResponse() is { } response && response.Headers.TryGetValue("Retry-After", out var value)
            ? RetryAfter.Parse(value, DateTimeOffset.UtcNow) : null;
}
