using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Copilot.Llm;

/// <summary>
/// The HttpClient every model call goes through, with the service's one retry layer (Microsoft.Extensions.Http.Resilience):
/// total timeout → retry → circuit breaker → per-attempt timeout.
/// </summary>
internal static class LlmHttpClient
{
    public const string Name = "Copilot.Llm";

    public static void Add(IServiceCollection services, LlmOptions options)
    {
        // Polly's timeouts bound every attempt; the client's own 100 s default would cut a long stream's headers wait.
        services.AddHttpClient(Name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("llm", pipeline => Configure(pipeline, options));
    }

    internal static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, LlmOptions options)
    {
        var maxRetryAfter = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
        pipeline.AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds));
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMilliseconds),
                // Retry-After is read below, in both of its forms, and capped.
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(
                    HttpClientResiliencePredicates.IsTransient(args.Outcome) && !AsksTooLong(args.Outcome.Result, maxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfterOf(args.Outcome.Result)),
            });
        }
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = options.CircuitMinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(options.CircuitSamplingSeconds),
            BreakDuration = TimeSpan.FromSeconds(options.CircuitBreakSeconds),
        });
        // Until the response headers: a non-streamed answer arrives whole with them, a stream only begins. The
        // stream's body is read after this handler returns, bounded by the idle timeout, so it is never cut here.
        pipeline.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
    }

    /// <summary>A Retry-After longer than the cap: the model is not retried and the caller hears when to come back.</summary>
    private static bool AsksTooLong(HttpResponseMessage? response, TimeSpan cap) =>
        RetryAfterOf(response) is { } wait && wait > cap;

    private static TimeSpan? RetryAfterOf(HttpResponseMessage? response)
    {
        if (response is null || (response.StatusCode != HttpStatusCode.TooManyRequests && (int)response.StatusCode < 500)) return null;
        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date <= DateTimeOffset.UtcNow ? TimeSpan.Zero : date - DateTimeOffset.UtcNow,
            _ => null,
        };
    }
}
