using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Copilot.IntegrationTests.Hosting;

/// <summary>Bad configuration stops the service at start with a message naming the key.</summary>
public sealed class ConfigurationValidationTests
{
    [Theory]
    [InlineData("Llm:Provider", "OpenAICompatible", "Llm:Endpoint")]
    [InlineData("Knowledge:ChunkTokens", "10", "ChunkTokens")]
    [InlineData("Knowledge:Index", "Qdrant", "Qdrant:Url")]
    [InlineData("Chat:Passages", "0", "Passages")]
    public void Start_fails_naming_the_key(string key, string value, string named)
    {
        using var factory = CopilotApiFactory.TemplateMode(seed: false, extra: new Dictionary<string, string?> { [key] = value });
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        // Depending on which service first resolves the options, the validation error arrives wrapped.
        var validation = Flatten(error).OfType<OptionsValidationException>().FirstOrDefault();
        Assert.NotNull(validation);
        Assert.Contains(named, validation.Message);
    }

    [Fact]
    public void An_unknown_provider_name_is_refused()
    {
        using var factory = CopilotApiFactory.TemplateMode(seed: false, extra: new Dictionary<string, string?> { ["Llm:Provider"] = "Gemini" });
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Gemini", error.ToString());
    }

    private static IEnumerable<Exception> Flatten(Exception? error)
    {
        if (error is null) yield break;
        yield return error;
        var inner = error is AggregateException aggregate ? aggregate.InnerExceptions.ToList<Exception?>() : [error.InnerException];
        foreach (var child in inner.SelectMany(Flatten)) yield return child;
    }
}
