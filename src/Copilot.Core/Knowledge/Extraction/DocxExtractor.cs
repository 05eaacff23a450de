using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Copilot.Knowledge.Extraction;

/// <summary>Word documents: heading styles become Markdown headings, other paragraphs stay paragraphs.</summary>
public sealed class DocxExtractor(ExtractionOptions? limits = null) : ITextExtractor
{
    private readonly ExtractionOptions _limits = limits ?? new ExtractionOptions();

    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    public ExtractedText Extract(Stream content, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        buffer.Position = 0;
        DocxPackageGuard.Check(buffer, _limits, ct);
        try
        {
            using var word = WordprocessingDocument.Open(buffer, isEditable: false);
            var main = word.MainDocumentPart ?? throw new UnreadableDocumentException("The Word document has no body.");
            // Localised Word saves headings under numeric style ids ("1" for 标题 1); the style's name stays "heading 1".
            var styleNames = main.StyleDefinitionsPart?.Styles?.Elements<Style>()
                .Where(s => s.StyleId?.Value is not null)
                .GroupBy(s => s.StyleId!.Value!)
                .ToDictionary(g => g.Key, g => g.First().StyleName?.Val?.Value ?? g.Key) ?? [];
            var lines = new List<string>();
            var chars = 0;
            foreach (var paragraph in Paragraphs(main, ct))
            {
                var text = paragraph.InnerText.Trim();
                if (text.Length == 0) continue;
                chars += text.Length + 2;
                if (chars > _limits.MaxDocumentChars)
                    throw new DocumentTooLargeException("file", $"The document has more than {_limits.MaxDocumentChars:N0} characters of text.");
                var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
                lines.Add((HeadingLevel(style) ?? HeadingLevel(style is null ? null : styleNames.GetValueOrDefault(style))) is int level
                    ? $"{new string('#', level)} {text}"
                    : text);
            }
            var frontMatter = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (word.PackageProperties.Title is { Length: > 0 } title)
                frontMatter["title"] = title;
            return new ExtractedText(string.Join("\n\n", lines).Trim(), frontMatter);
        }
        catch (Exception e) when (e is not (OperationCanceledException or UnreadableDocumentException or DocumentTooLargeException))
        {
            throw new UnreadableDocumentException("The file is not a readable Word (.docx) document.", e);
        }
    }

    // Streams the document part and loads one top-level paragraph at a time (tables are walked into), so memory
    // follows the largest paragraph rather than the whole body's object tree.
    private static IEnumerable<Paragraph> Paragraphs(MainDocumentPart main, CancellationToken ct)
    {
        using var reader = OpenXmlReader.Create(main);
        var any = false;
        reader.Read();
        while (!reader.EOF)
        {
            ct.ThrowIfCancellationRequested();
            if (reader.ElementType == typeof(Body)) any = true;
            if (reader.IsStartElement && reader.ElementType == typeof(Paragraph))
                yield return (Paragraph)reader.LoadCurrentElement()!;
            else
                reader.Read();
        }
        if (!any) throw new UnreadableDocumentException("The Word document has no body.");
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
