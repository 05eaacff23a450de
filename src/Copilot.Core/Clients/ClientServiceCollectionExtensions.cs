using System.Collections.Concurrent;
using Copilot.Audit;
using Copilot.Clients.Segments;
using Copilot.Clients.Tags;
using Copilot.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Copilot.Clients;

public static class ClientServiceCollectionExtensions
{
    /// <summary>
    /// Client portraits: the directory, the import, tags from Clients:TagRulesFolder (loaded and validated at start: a bad file
    /// stops the service naming it), segments, and the demo advisor's synthetic clients on first start.
    /// </summary>
    public static IHostApplicationBuilder AddCopilotClients(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClientOptions>().BindConfiguration(ClientOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<AuditTrail>();
        builder.Services.TryAddSingleton<AuditedWork>();
        builder.Services.TryAddSingleton<IdempotencyStore>();
        builder.Services.AddSingleton<TagRulesCache>();
        builder.Services.AddSingleton<IValidateOptions<ClientOptions>, TagRulesValidation>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<TagRulesCache>().Get(sp.GetRequiredService<IOptions<ClientOptions>>().Value));
        builder.Services.AddSingleton<ClientTagging>();
        builder.Services.AddSingleton<ClientDirectory>();
        builder.Services.AddSingleton<ClientImport>();
        builder.Services.AddSingleton<ClientPopulation>();
        builder.Services.AddSingleton<SegmentStore>();
        builder.Services.AddHostedService<DemoClientSeeder>();
        return builder;
    }
}

/// <summary>The tag rules loaded once per folder and parameters: start-up validation loads them, tagging then uses the same set.</summary>
internal sealed class TagRulesCache
{
    private readonly ConcurrentDictionary<(string, double), Lazy<TagRuleSet>> _sets = new();

    public TagRuleSet Get(ClientOptions options) =>
        _sets.GetOrAdd((options.ResolveTagRulesFolder(), options.ServiceThreshold),
            key => new Lazy<TagRuleSet>(() => TagRuleLoader.Load(key.Item1, options.TagParameters()))).Value;
}

/// <summary>Loads the tag rule files at start so a bad one fails the service, naming the key, the file and the tag.</summary>
internal sealed class TagRulesValidation(TagRulesCache cache) : IValidateOptions<ClientOptions>
{
    public ValidateOptionsResult Validate(string? name, ClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TagRulesFolder)) return ValidateOptionsResult.Skip; // [Required] reports it
        try
        {
            cache.Get(options);
            return ValidateOptionsResult.Success;
        }
        catch (TagRulesException e)
        {
            return ValidateOptionsResult.Fail($"{ClientOptions.Section}:{nameof(ClientOptions.TagRulesFolder)}: {e.Message}");
        }
    }
}
