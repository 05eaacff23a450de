using System.Text.RegularExpressions;
using Copilot.Drafting;
using Copilot.Prompts;

namespace Copilot.UnitTests.Prompts;

/// <summary>The template-mode texts beside the drafting prompts: one per scenario and language, each rendered with sample values.</summary>
public sealed partial class TemplateModeTextTests
{
    private static readonly PromptLibrary Library = new(PromptLibrary.DefaultFolder);

    [GeneratedRegex(@"\{\{\s*\$(\w+)\s*\}\}")]
    private static partial Regex Variable();

    public static TheoryData<string, string> ScenarioLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var scenario in ScenarioCatalog.All)
            foreach (var language in new[] { "zh", "en" })
                data.Add(scenario.PromptName, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioLanguages))]
    public async Task Every_scenario_has_a_template_in_both_languages_that_renders_every_variable(string name, string language)
    {
        Assert.Contains((name, language), Library.Templates);
        var source = await File.ReadAllTextAsync(Path.Combine(PromptLibrary.DefaultFolder, name, $"template.{language}.txt"));
        var variables = Variable().Matches(source).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("client_name", variables);
        Assert.All(variables, v => Assert.Contains(v, DraftTemplateValues.Names));

        var values = DraftTemplateValues.Names.ToDictionary(v => v, v => (object?)$"sample-{v}-值");
        var rendered = await Library.RenderTemplateAsync(name, language, values);

        Assert.DoesNotContain("{{", rendered);
        Assert.All(variables, v => Assert.Contains($"sample-{v}-值", rendered));
    }

    [Fact]
    public async Task An_unknown_template_is_a_key_not_found_error() =>
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Library.RenderTemplateAsync("draft-birthday", "fr", new Dictionary<string, object?>()));
}
