using System.Text;
using Copilot.Knowledge;

namespace Copilot.Chat;

/// <summary>Numbers retrieved passages for a prompt and turns them into citations.</summary>
public static class PassageFormatter
{
    private const int SnippetLength = 160;

    public static string ForPrompt(IReadOnlyList<SearchHit> hits)
    {
        if (hits.Count == 0) return "(no passages were found)";
        var text = new StringBuilder();
        for (var i = 0; i < hits.Count; i++)
        {
            var (chunk, document) = (hits[i].Chunk, hits[i].Document);
            text.Append($"[{i + 1}] 《{document.Title}》");
            if (chunk.Section.Length > 0) text.Append($" {chunk.Section}");
            var source = string.Join(", ", new[] { document.Publisher, document.Published?.ToString("yyyy-MM-dd") }.Where(s => s is not null));
            if (source.Length > 0) text.Append($" ({source})");
            text.Append('\n').Append(chunk.Text.Trim()).Append("\n\n");
        }
        return text.ToString().TrimEnd();
    }

    public static Citation ToCitation(int index, SearchHit hit) =>
        new(index, hit.Document.Id, hit.Document.Title, hit.Chunk.Section, Snippet(hit.Chunk.Text));

    public static string Snippet(string text)
    {
        var flat = string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= SnippetLength ? flat : flat[..SnippetLength] + "…";
    }
}
