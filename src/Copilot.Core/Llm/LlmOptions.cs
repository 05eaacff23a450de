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

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

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
