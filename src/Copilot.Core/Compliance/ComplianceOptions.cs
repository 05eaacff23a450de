using System.ComponentModel.DataAnnotations;

namespace Copilot.Compliance;

/// <summary>Configuration section "Compliance": where the rule files live and whether the model judges as well.</summary>
public sealed class ComplianceOptions
{
    public const string Section = "Compliance";

    /// <summary>Folder of rule files (*.json); relative paths are under the app folder.</summary>
    [Required]
    public string RulesFolder { get; set; } = "knowledge/rules";

    /// <summary>Ask the configured model for findings the rules cannot see; ignored in template mode.</summary>
    public bool UseLlmJudge { get; set; } = true;

    /// <summary>The longest text a check accepts.</summary>
    [Range(100, 200_000)]
    public int MaxTextLength { get; set; } = 10_000;

    public string ResolveRulesFolder() => Path.IsPathRooted(RulesFolder) ? RulesFolder : Path.Combine(AppContext.BaseDirectory, RulesFolder);
}
