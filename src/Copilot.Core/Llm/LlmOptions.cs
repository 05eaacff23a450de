using System.ComponentModel.DataAnnotations;

namespace Copilot.Llm;

public enum LlmProvider { None, OpenAICompatible, AzureOpenAI }

/// <summary>Configuration section "Llm": which model answers and embeds. Provider None means template mode.</summary>
public sealed class LlmOptions : IValidatableObject
{
    public const string Section = "Llm";

    public LlmProvider Provider { get; set; } = LlmProvider.None;

    /// <summary>Base URL, e.g. https://api.openai.com/v1 or http://localhost:11434/v1; for Azure the resource URL.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Read from the environment (Llm__ApiKey); never put it in a file.</summary>
    public string? ApiKey { get; set; }

    public string? ChatModel { get; set; }

    /// <summary>Empty turns embeddings off: retrieval is lexical only.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>
    /// Per attempt, until the model's response headers arrive: a whole non-streamed answer, or the start of a stream.
    /// A stream's body is bounded by <see cref="StreamIdleTimeoutSeconds"/> instead, so a long answer is never cut.
    /// </summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>All attempts of one model call together, waits between retries included.</summary>
    [Range(1, 1800)]
    public int TotalTimeoutSeconds { get; set; } = 180;

    /// <summary>The longest silence between two pieces of a streamed answer before it counts as cut.</summary>
    [Range(1, 600)]
    public int StreamIdleTimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after a 429, a 5xx or a timeout (the one retry layer: the OpenAI client's own is off).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's wait when the model names none; it doubles each time, with jitter.</summary>
    [Range(0, 60000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 1000;

    /// <summary>The longest Retry-After the service waits out; a model asking for longer is not retried and the caller is told when to come back.</summary>
    [Range(0, 600)]
    public int MaxRetryAfterSeconds { get; set; } = 30;

    /// <summary>The circuit opens when at least this share of calls failed within <see cref="CircuitSamplingSeconds"/>…</summary>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>…and at least this many calls were made in that window.</summary>
    [Range(2, 1000)]
    public int CircuitMinimumThroughput { get; set; } = 10;

    [Range(1, 3600)]
    public int CircuitSamplingSeconds { get; set; } = 60;

    /// <summary>How long an open circuit refuses model calls (503 with Retry-After) before it tries again.</summary>
    [Range(1, 3600)]
    public int CircuitBreakSeconds { get; set; } = 30;

    /// <summary>Model tokens (input + output) one advisor may use per day, reset at the server's local midnight; 0 = unlimited.</summary>
    [Range(0, long.MaxValue)]
    public long DailyTokenBudgetPerAdvisor { get; set; } = 2_000_000;

    public bool ChatEnabled => Provider != LlmProvider.None;

    public bool EmbeddingsEnabled => Provider != LlmProvider.None && !string.IsNullOrWhiteSpace(EmbeddingModel);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == LlmProvider.None) yield break;
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out _))
            yield return new($"Llm:Endpoint must be an absolute URL when Llm:Provider is {Provider}.", [nameof(Endpoint)]);
        if (string.IsNullOrWhiteSpace(ChatModel))
            yield return new($"Llm:ChatModel is required when Llm:Provider is {Provider}.", [nameof(ChatModel)]);
        if (Provider == LlmProvider.AzureOpenAI && string.IsNullOrWhiteSpace(ApiKey))
            yield return new("Llm:ApiKey is required for AzureOpenAI (set the Llm__ApiKey environment variable).", [nameof(ApiKey)]);
    }
}
