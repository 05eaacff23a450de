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
            var lines = body.Descendants<Paragraph>()
                .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: p.InnerText.Trim()))
                .Where(p => p.Text.Length > 0)
                .Select(p => HeadingLevel(p.Style) is int level ? $"{new string('#', level)} {p.Text}" : p.Text);
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

    private static int? HeadingLevel(string? styleId) => styleId switch
    {
        null => null,
        "Title" => 1,
        _ when styleId.StartsWith("Heading", StringComparison.OrdinalIgnoreCase)
               && int.TryParse(styleId.AsSpan("Heading".Length), out var level) => Math.Clamp(level, 1, 6),
        _ => null,
    };
}
