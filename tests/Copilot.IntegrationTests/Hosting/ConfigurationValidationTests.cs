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

    [Theory]
    [InlineData("crm-prod", "Crm", "not-a-hash", null, "Auth:ApiKeys:0:KeySha256")]
    [InlineData("wang", "Advisor", Sha256OfSomething, null, "Auth:ApiKeys:0:AdvisorId")]
    [InlineData("officer", "Compliance", Sha256OfSomething, "demo-advisor", "Auth:ApiKeys:0:AdvisorId")]
    [InlineData("", "Crm", Sha256OfSomething, null, "Auth:ApiKeys:0:Name")]
    public void A_bad_api_key_entry_stops_the_service_naming_it(string name, string role, string hash, string? advisor, string named)
    {
        using var factory = CopilotApiFactory.TemplateMode(seed: false, extra: new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0:Name"] = name, ["Auth:ApiKeys:0:Role"] = role, ["Auth:ApiKeys:0:KeySha256"] = hash, ["Auth:ApiKeys:0:AdvisorId"] = advisor,
        });
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var validation = Flatten(error).OfType<OptionsValidationException>().FirstOrDefault();
        Assert.NotNull(validation);
        Assert.Contains(named, validation.Message);
    }

    private const string Sha256OfSomething = "3fc9b689459d738f8c88a3a48aa9e33542016b7a4052e001aaa536fca74813cb";

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
