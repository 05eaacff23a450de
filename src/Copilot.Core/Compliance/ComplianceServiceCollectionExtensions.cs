using System.Collections.Concurrent;
using Copilot.Compliance.Judge;
using Copilot.Compliance.Rules;
using Copilot.Prompts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Copilot.Compliance;

public static class ComplianceServiceCollectionExtensions
{
    /// <summary>
    /// The compliance pre-check: rules from Compliance:RulesFolder, loaded once and validated at start (a broken rule file
    /// stops the service), plus the LLM judge when a model is registered and Compliance:UseLlmJudge is on.
    /// </summary>
    public static IHostApplicationBuilder AddCopilotCompliance(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ComplianceOptions>().BindConfiguration(ComplianceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ComplianceRulesCache>();
        builder.Services.AddSingleton<IValidateOptions<ComplianceOptions>, ComplianceRulesValidation>();
        builder.Services.AddSingleton(sp =>
            sp.GetRequiredService<ComplianceRulesCache>().Get(sp.GetRequiredService<IOptions<ComplianceOptions>>().Value.ResolveRulesFolder()));
        builder.Services.TryAddSingleton(_ => new PromptLibrary(PromptLibrary.DefaultFolder));
        builder.Services.AddSingleton<ComplianceJudge>();
        builder.Services.AddSingleton<ComplianceChecker>();
        builder.Services.AddSingleton<ProductCatalog>();
        return builder;
    }
}

/// <summary>The rules loaded once per folder: start-up validation loads them, every check then uses the same set.</summary>
internal sealed class ComplianceRulesCache
{
    private readonly ConcurrentDictionary<string, Lazy<ComplianceRuleSet>> _sets = new(StringComparer.Ordinal);

    public ComplianceRuleSet Get(string folder) =>
        _sets.GetOrAdd(folder, f => new Lazy<ComplianceRuleSet>(() => ComplianceRuleSet.Load(f))).Value;
}

/// <summary>Loads the rule files at start so a bad rule fails the service, naming the key and the rule, before any check runs.</summary>
internal sealed class ComplianceRulesValidation(ComplianceRulesCache cache) : IValidateOptions<ComplianceOptions>
{
    public ValidateOptionsResult Validate(string? name, ComplianceOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RulesFolder)) return ValidateOptionsResult.Skip; // [Required] reports it
        try
        {
            cache.Get(options.ResolveRulesFolder());
            return ValidateOptionsResult.Success;
        }
        catch (ComplianceRulesException e)
        {
            return ValidateOptionsResult.Fail($"{ComplianceOptions.Section}:{nameof(ComplianceOptions.RulesFolder)}: {e.Message}");
        }
    }
}
