using System.Text;
using Copilot.Chat;
using Copilot.Common;

namespace Copilot.Api.OpenAiCompatible;

/// <summary>OpenAI clients show only text, so a model's answer gets its sources written under it.</summary>
internal static class CitationText
{
    public static string SourcesBlock(string question, GroundedAnswer answer)
    {
        // Template answers already quote each passage with its title and section.
        if (answer.Citations.Count == 0 || answer.Generator == Copilot.Llm.GeneratorInfo.Template.Name) return "";
        var text = new StringBuilder(LanguageDetector.IsChinese(question) ? "\n\n参考来源：" : "\n\nSources:");
        foreach (var citation in answer.Citations)
        {
            text.Append($"\n[{citation.Index}] {citation.Title}");
            if (citation.Section.Length > 0) text.Append($" · {citation.Section}");
        }
        return text.ToString();
    }
}
