using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Copilot.Knowledge.Extraction;

/// <summary>Word documents: heading styles become Markdown headings, other paragraphs stay paragraphs.</summary>
public sealed class DocxExtractor : ITextExtractor
{
    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    public ExtractedText Extract(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        try
        {
            using var word = WordprocessingDocument.Open(buffer, isEditable: false);
            var body = word.MainDocumentPart?.Document?.Body
                ?? throw new UnreadableDocumentException("The Word document has no body.");
            // Localised Word saves headings under numeric style ids ("1" for 标题 1); the style's name stays "heading 1".
            var styleNames = word.MainDocumentPart?.StyleDefinitionsPart?.Styles?.Elements<Style>()
                .Where(s => s.StyleId?.Value is not null)
                .ToDictionary(s => s.StyleId!.Value!, s => s.StyleName?.Val?.Value ?? s.StyleId!.Value!) ?? [];
            var lines = body.Descendants<Paragraph>()
                .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: p.InnerText.Trim()))
                .Where(p => p.Text.Length > 0)
                .Select(p => (HeadingLevel(p.Style) ?? HeadingLevel(p.Style is null ? null : styleNames.GetValueOrDefault(p.Style))) is int level
                    ? $"{new string('#', level)} {p.Text}"
                    : p.Text);
            var frontMatter = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (word.PackageProperties.Title is { Length: > 0 } title)
                frontMatter["title"] = title;
            return new ExtractedText(string.Join("\n\n", lines).Trim(), frontMatter);
        }
        catch (Exception e) when (e is not (OperationCanceledException or UnreadableDocumentException))
        {
            throw new UnreadableDocumentException("The file is not a readable Word (.docx) document.", e);
        }
    }

    private static int? HeadingLevel(string? styleIdOrName) => styleIdOrName switch
    {
        null => null,
        _ when styleIdOrName.Equals("Title", StringComparison.OrdinalIgnoreCase) => 1,
        _ when styleIdOrName.StartsWith("Heading", StringComparison.OrdinalIgnoreCase)
               && int.TryParse(styleIdOrName.AsSpan("Heading".Length).Trim(), out var level) => Math.Clamp(level, 1, 6),
        _ => null,
    };
}
