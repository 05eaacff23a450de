using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Copilot.Knowledge.Extraction;

/// <summary>HTML pages: headings become Markdown headings, block elements become paragraphs; scripts and navigation are dropped.</summary>
public sealed class HtmlExtractor : ITextExtractor
{
    private static readonly string[] Dropped = ["script", "style", "nav", "header", "footer", "noscript", "template"];
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
        { "P", "LI", "TD", "TH", "PRE", "BLOCKQUOTE", "DT", "DD", "CAPTION" };

    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm"];

    public ExtractedText Extract(Stream content, CancellationToken ct = default)
    {
        var document = new HtmlParser().ParseDocument(TextDecoder.Decode(content));
        foreach (var element in document.QuerySelectorAll(string.Join(',', Dropped)).ToList())
            element.Remove();

        var lines = new List<string>();
        var frontMatter = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(document.Title))
            frontMatter["title"] = document.Title.Trim();

        foreach (var element in document.Body?.Descendants<IElement>() ?? [])
        {
            ct.ThrowIfCancellationRequested();
            var text = Normalize(element.TextContent);
            if (text.Length == 0) continue;
            if (element.LocalName is ['h', >= '1' and <= '6'])
                lines.Add($"{new string('#', element.LocalName[1] - '0')} {text}");
            else if (Blocks.Contains(element.TagName) && !element.Ancestors<IElement>().Any(a => Blocks.Contains(a.TagName)))
                lines.Add(text);
        }
        if (lines.Count == 0 && document.Body is not null)
            lines.Add(Normalize(document.Body.TextContent));
        return new ExtractedText(string.Join("\n\n", lines).Trim(), frontMatter);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
