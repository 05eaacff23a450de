namespace Copilot.Drafting;

/// <summary>The values a template-mode text may use; the drafting code supplies every one of them.</summary>
public static class DraftTemplateValues
{
    public static IReadOnlyList<string> Names { get; } = ["client_name", "holdings_summary", "research", "product"];
}
