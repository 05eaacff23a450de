using System.Text.Json;
using System.Text.RegularExpressions;
using Copilot.Prompts;

namespace Copilot.UnitTests.Prompts;

/// <summary>Every prompt folder under prompts/ renders and declares what it uses; new prompts are covered automatically.</summary>
public sealed partial class PromptLibraryTests
{
    private static readonly PromptLibrary Library = new(TestPaths.PromptsFolder);

    [GeneratedRegex(@"\{\{\s*\$([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Variable();

    public static TheoryData<string> PromptNames() => new(PromptFolders());

    private static List<string> PromptFolders() =>
        Directory.EnumerateDirectories(TestPaths.PromptsFolder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void The_prompts_folder_is_copied_beside_the_tests_and_every_folder_is_loaded()
    {
        var folders = PromptFolders();

        Assert.Contains("chat-answer", folders);
        Assert.Contains("condense-question", folders);
        Assert.Equal(folders, Library.Names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PromptNames))]
    public void Every_prompt_folder_has_a_template_and_a_config(string name)
    {
        Assert.True(File.Exists(PromptFile(name, "skprompt.txt")));
        Assert.True(File.Exists(PromptFile(name, "config.json")));
        Assert.False(string.IsNullOrWhiteSpace(File.ReadAllText(PromptFile(name, "skprompt.txt"))));
    }

    [Theory]
    [MemberData(nameof(PromptNames))]
    public async Task Every_declared_variable_appears_in_the_rendered_prompt_and_no_placeholder_remains(string name)
    {
        var declared = DeclaredVariables(name);
        Assert.NotEmpty(declared);
        var values = declared.ToDictionary(v => v, v => (object?)$"sample-{v}-值");

        var rendered = await Library.RenderAsync(name, values);

        Assert.All(values.Values, value => Assert.Contains((string)value!, rendered));
        Assert.DoesNotContain("{{$", rendered);
    }

    [Theory]
    [MemberData(nameof(PromptNames))]
    public void Every_variable_used_in_the_template_is_declared_in_config(string name)
    {
        var used = Variable().Matches(File.ReadAllText(PromptFile(name, "skprompt.txt"))).Select(m => m.Groups[1].Value).Distinct();

        Assert.Empty(used.Except(DeclaredVariables(name), StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PromptNames))]
    public void The_library_declares_the_same_variables_as_the_config_file(string name)
    {
        Assert.Equal(DeclaredVariables(name).Order(StringComparer.Ordinal), Library.Get(name).InputVariables.Select(v => v.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PromptNames))]
    public async Task Rendering_without_a_required_variable_throws_and_names_it(string name)
    {
        var required = Library.Get(name).InputVariables.Where(v => v.IsRequired).Select(v => v.Name).ToList();
        Assert.NotEmpty(required);
        var missing = required[^1];
        var values = required.Where(v => v != missing).ToDictionary(v => v, v => (object?)"x");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Library.RenderAsync(name, values));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void An_unknown_prompt_name_is_a_key_not_found_error()
    {
        Assert.Throws<KeyNotFoundException>(() => Library.Get("no-such-prompt"));
    }

    [Fact]
    public void Model_settings_come_from_the_config_file()
    {
        var options = Library.ChatOptionsFor("chat-answer");

        Assert.Equal(0.1f, options.Temperature);
        Assert.Equal(1024, options.MaxOutputTokens);
    }

    private static string PromptFile(string name, string file) => Path.Combine(TestPaths.PromptsFolder, name, file);

    // Read straight from config.json, so the test does not trust the library's own parsing.
    private static List<string> DeclaredVariables(string name)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(PromptFile(name, "config.json")));
        return config.RootElement.TryGetProperty("input_variables", out var variables)
            ? variables.EnumerateArray().Select(v => v.GetProperty("name").GetString()!).ToList()
            : [];
    }
}
