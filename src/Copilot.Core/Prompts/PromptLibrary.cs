using Microsoft.SemanticKernel;

namespace Copilot.Prompts;

/// <summary>Prompt templates kept as files under prompts/&lt;name&gt;/ (skprompt.txt + config.json), rendered by Semantic Kernel.</summary>
public sealed class PromptLibrary
{
    private readonly Dictionary<string, PromptTemplateConfig> _prompts;
    private readonly Dictionary<(string Name, string Language), PromptTemplateConfig> _templates = [];
    // The rendered text goes into a chat message object, never re-parsed as chat markup, so values need no HTML encoding;
    // the config-level flag alone left every value encoded (&lt;, &#39;), data fences included.
    private readonly KernelPromptTemplateFactory _factory = new() { AllowDangerouslySetContent = true };
    private readonly Kernel _kernel = new();
    // Parsed once per template: Semantic Kernel's parse of a template costs more than rendering it (a profile of
    // POST /v1/drafts put 5 % of the request's thread time in KernelPromptTemplate's constructor). A parsed template
    // only reads its blocks when rendering, so one instance serves concurrent requests.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<PromptTemplateConfig, IPromptTemplate> _parsed = new(ReferenceEqualityComparer.Instance);

    public PromptLibrary(string folder)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Prompt folder '{folder}' does not exist.");
        _prompts = Directory.EnumerateDirectories(folder)
            .Where(dir => File.Exists(Path.Combine(dir, "skprompt.txt")))
            .ToDictionary(dir => Path.GetFileName(dir), Load, StringComparer.Ordinal);
        // template.<language>.txt beside a prompt: the fixed text used in template mode, when no model is configured.
        foreach (var file in Directory.EnumerateFiles(folder, "template.*.txt", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(Path.GetDirectoryName(file)!);
            var language = Path.GetFileNameWithoutExtension(file)["template.".Length..];
            _templates[(name, language)] = new PromptTemplateConfig(File.ReadAllText(file).TrimEnd()) { AllowDangerouslySetContent = true };
        }
    }

    /// <summary>The (prompt, language) pairs that have a template-mode text.</summary>
    public IReadOnlyCollection<(string Name, string Language)> Templates => _templates.Keys;

    /// <summary>Renders a prompt's template-mode text in a language ("zh" or "en").</summary>
    public async Task<string> RenderTemplateAsync(string name, string language, IReadOnlyDictionary<string, object?> values, CancellationToken ct = default)
    {
        if (!_templates.TryGetValue((name, language), out var config))
            throw new KeyNotFoundException($"No template.{language}.txt in prompts/{name}.");
        return await Parsed(config).RenderAsync(_kernel, new KernelArguments(values.ToDictionary(p => p.Key, p => p.Value)), ct);
    }

    private IPromptTemplate Parsed(PromptTemplateConfig config) => _parsed.GetOrAdd(config, _factory.Create);

    /// <summary>The prompts/ folder shipped beside the binary.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "prompts");

    public IReadOnlyCollection<string> Names => _prompts.Keys;

    public PromptTemplateConfig Get(string name) =>
        _prompts.TryGetValue(name, out var config) ? config : throw new KeyNotFoundException($"No prompt '{name}' in prompts/.");

    /// <summary>Renders a prompt; every declared variable must be given.</summary>
    public async Task<string> RenderAsync(string name, IReadOnlyDictionary<string, object?> values, CancellationToken ct = default)
    {
        var config = Get(name);
        var missing = config.InputVariables.Where(v => v.IsRequired && !values.ContainsKey(v.Name)).Select(v => v.Name).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"Prompt '{name}' needs values for: {string.Join(", ", missing)}.", nameof(values));
        return await Parsed(config).RenderAsync(_kernel, new KernelArguments(values.ToDictionary(p => p.Key, p => p.Value)), ct);
    }

    /// <summary>The prompt that states the instruction hierarchy and names the data fence; rendered into others as data_rules.</summary>
    public const string DataRulesPrompt = "data-rules";

    /// <summary>
    /// Renders a prompt that carries data: its data_rules is the hierarchy naming this request's fence. The values that are
    /// data must already be wrapped with the same <paramref name="fence"/>.
    /// </summary>
    public async Task<string> RenderAsync(string name, DataFence fence, IReadOnlyDictionary<string, object?> values, CancellationToken ct = default)
    {
        var rules = await RenderAsync(DataRulesPrompt, new Dictionary<string, object?> { ["fence"] = fence.Tag }, ct);
        return await RenderAsync(name, new Dictionary<string, object?>(values) { ["data_rules"] = rules }, ct);
    }

    /// <summary>The model settings a prompt declares in its config.json (temperature, max_tokens).</summary>
    public Microsoft.Extensions.AI.ChatOptions ChatOptionsFor(string name)
    {
        var settings = Get(name).DefaultExecutionSettings?.ExtensionData ?? new Dictionary<string, object>();
        return new Microsoft.Extensions.AI.ChatOptions
        {
            Temperature = settings.TryGetValue("temperature", out var t) ? Convert.ToSingle(ToScalar(t)) : null,
            MaxOutputTokens = settings.TryGetValue("max_tokens", out var m) ? Convert.ToInt32(ToScalar(m)) : null,
        };
    }

    // Settings read from JSON arrive as JsonElement.
    private static object ToScalar(object value) =>
        value is System.Text.Json.JsonElement element ? element.GetDouble() : value;

    private static PromptTemplateConfig Load(string folder)
    {
        var config = PromptTemplateConfig.FromJson(File.ReadAllText(Path.Combine(folder, "config.json")));
        config.Template = File.ReadAllText(Path.Combine(folder, "skprompt.txt"));
        // The rendered text goes into a chat message object, never re-parsed as chat markup, so values need no HTML encoding.
        config.AllowDangerouslySetContent = true;
        return config;
    }
}
