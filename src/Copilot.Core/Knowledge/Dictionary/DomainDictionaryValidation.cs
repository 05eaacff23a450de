using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Copilot.Knowledge.Dictionary;

/// <summary>The dictionary loaded once per folder: start-up validation loads it, every search then uses the same one.</summary>
internal sealed class DomainDictionaryCache
{
    private readonly ConcurrentDictionary<string, Lazy<DomainDictionary>> _dictionaries = new(StringComparer.Ordinal);

    public DomainDictionary Get(string? folder) => folder is null
        ? DomainDictionary.Empty
        : _dictionaries.GetOrAdd(folder, f => new Lazy<DomainDictionary>(() => DomainDictionary.Load(f))).Value;
}

/// <summary>Loads the dictionary at start so a bad file stops the service, naming the file and entry, before any search.</summary>
internal sealed class DomainDictionaryValidation(DomainDictionaryCache cache) : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        try
        {
            cache.Get(options.ResolveDictionaryFolder());
            return ValidateOptionsResult.Success;
        }
        catch (DomainDictionaryException e)
        {
            return ValidateOptionsResult.Fail($"{KnowledgeOptions.Section}:{nameof(KnowledgeOptions.DictionaryFolder)}: {e.Message}");
        }
    }
}
