using System.Text;
using Copilot.Knowledge;
using Copilot.Prompts;

namespace Copilot.Chat;

/// <summary>Numbers retrieved passages for a prompt and turns them into citations.</summary>
public static class PassageFormatter
{
    private const int SnippetLength = 160;

    /// <summary>
    /// The passages as numbered data blocks: title, section and source are inside the fence, since documents supply them.
    /// <paramref name="excerpt"/>, when given, picks the text of each passage to send (a draft sends only the sentences that
    /// bear on its scenario); otherwise the whole chunk goes.
    /// </summary>
    public static string ForPrompt(IReadOnlyList<SearchHit> hits, DataFence fence, Func<SearchHit, string>? excerpt = null)
    {
        if (hits.Count == 0) return "(no passages were found)";
        var text = new StringBuilder();
        for (var i = 0; i < hits.Count; i++)
        {
            var (chunk, document) = (hits[i].Chunk, hits[i].Document);
            var passage = new StringBuilder($"[{i + 1}] 《{document.Title}》");
            if (chunk.Section.Length > 0) passage.Append($" {chunk.Section}");
            var source = string.Join(", ", new[] { document.Publisher, document.Published?.ToString("yyyy-MM-dd") }.Where(s => s is not null));
            if (source.Length > 0) passage.Append($" ({source})");
            passage.Append('\n').Append((excerpt?.Invoke(hits[i]) ?? chunk.Text).Trim());
            text.Append(fence.Wrap("passage", passage.ToString(), $"n=\"{i + 1}\"")).Append("\n\n");
        }
        return text.ToString().TrimEnd();
    }

    public static Citation ToCitation(int index, SearchHit hit) =>
        new(index, hit.Document.Id, hit.Document.Title, hit.Chunk.Section, Snippet(hit.Chunk.Text), hit.Chunk.ChunkId);

    public static string Snippet(string text)
    {
        var flat = string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= SnippetLength ? flat : flat[..SnippetLength] + "…";
    }
}
