namespace Copilot.Knowledge.Extraction;

/// <summary>Picks the extractor for a file name.</summary>
public sealed class TextExtractors(IEnumerable<ITextExtractor> extractors)
{
    private readonly Dictionary<string, ITextExtractor> _byExtension = extractors
        .SelectMany(e => e.Extensions.Select(ext => (ext, e)))
        .ToDictionary(p => p.ext, p => p.e, StringComparer.OrdinalIgnoreCase);

    public static TextExtractors Default { get; } =
        new([new PlainTextExtractor(), new HtmlExtractor(), new PdfExtractor(), new DocxExtractor()]);

    public bool Supports(string fileName) => _byExtension.ContainsKey(Path.GetExtension(fileName));

    public ExtractedText Extract(string fileName, Stream content)
    {
        var extension = Path.GetExtension(fileName);
        return _byExtension.TryGetValue(extension, out var extractor)
            ? extractor.Extract(content)
            : throw new UnsupportedFormatException(extension);
    }
}
