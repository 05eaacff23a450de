namespace Copilot.Knowledge.Extraction;

/// <summary>Picks the extractor for a file name.</summary>
public sealed class TextExtractors(IEnumerable<ITextExtractor> extractors)
{
    private readonly Dictionary<string, ITextExtractor> _byExtension = extractors
        .SelectMany(e => e.Extensions.Select(ext => (ext, e)))
        .ToDictionary(p => p.ext, p => p.e, StringComparer.OrdinalIgnoreCase);

    public static TextExtractors Default { get; } = Create(new ExtractionOptions());

    /// <summary>Every format, with the .docx and .pdf extractors held to <paramref name="limits"/>.</summary>
    public static TextExtractors Create(ExtractionOptions limits) =>
        new([new PlainTextExtractor(), new HtmlExtractor(), new PdfExtractor(limits), new DocxExtractor(limits)]);

    public bool Supports(string fileName) => _byExtension.ContainsKey(Path.GetExtension(fileName));

    public ExtractedText Extract(string fileName, Stream content, CancellationToken ct = default)
    {
        var extension = Path.GetExtension(fileName);
        return _byExtension.TryGetValue(extension, out var extractor)
            ? extractor.Extract(content, ct)
            : throw new UnsupportedFormatException(extension);
    }
}
