using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Copilot.Knowledge.Extraction;

/// <summary>PDF files, page by page in reading order.</summary>
public sealed class PdfExtractor(ExtractionOptions? limits = null) : ITextExtractor
{
    private readonly ExtractionOptions _limits = limits ?? new ExtractionOptions();

    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public ExtractedText Extract(Stream content, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        try
        {
            using var pdf = PdfDocument.Open(buffer.ToArray());
            if (pdf.NumberOfPages > _limits.MaxPdfPages)
                throw new DocumentTooLargeException("file", $"A PDF may have up to {_limits.MaxPdfPages:N0} pages.");
            var pages = new List<string>();
            var chars = 0;
            foreach (var page in pdf.GetPages())
            {
                ct.ThrowIfCancellationRequested();
                var text = ContentOrderTextExtractor.GetText(page);
                if (string.IsNullOrWhiteSpace(text)) continue;
                chars += text.Length + 2;
                if (chars > _limits.MaxDocumentChars)
                    throw new DocumentTooLargeException("file", $"The document has more than {_limits.MaxDocumentChars:N0} characters of text.");
                pages.Add(text);
            }
            var frontMatter = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (!string.IsNullOrWhiteSpace(pdf.Information.Title))
                frontMatter["title"] = pdf.Information.Title.Trim();
            return new ExtractedText(string.Join("\n\n", pages).Trim(), frontMatter);
        }
        catch (Exception e) when (e is not (OperationCanceledException or DocumentTooLargeException))
        {
            throw new UnreadableDocumentException("The file is not a readable PDF.", e);
        }
    }
}
