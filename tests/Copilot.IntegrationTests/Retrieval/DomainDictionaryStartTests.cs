using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Copilot.IntegrationTests.Retrieval;

/// <summary>The domain dictionary is validated at start: a file the service cannot use stops it, named.</summary>
public sealed class DomainDictionaryStartTests
{
    [Fact]
    public void A_bad_dictionary_file_stops_the_service_naming_the_key_and_the_file()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "copilot-dictionary-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "trade-slang.json"),
                """{ "schema": 1, "group": "slang", "entries": [ { "terms": ["两融"] } ] }""");
            using var factory = CopilotApiFactory.TemplateMode(seed: false,
                extra: new Dictionary<string, string?> { ["Knowledge:DictionaryFolder"] = folder });

            var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

            var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException
                ?? (error as AggregateException)?.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault();
            Assert.NotNull(validation);
            Assert.Contains("Knowledge:DictionaryFolder", validation.Message);
            Assert.Contains("trade-slang.json: entries[0].means", validation.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
