using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Copilot.Knowledge.Extraction;

/// <summary>PDF files, page by page in reading order.</summary>
public sealed class PdfExtractor : ITextExtractor
{
    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public ExtractedText Extract(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        try
        {
            using var pdf = PdfDocument.Open(buffer.ToArray());
            var pages = pdf.GetPages().Select(page => ContentOrderTextExtractor.GetText(page)).Where(t => !string.IsNullOrWhiteSpace(t));
            var frontMatter = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (!string.IsNullOrWhiteSpace(pdf.Information.Title))
                frontMatter["title"] = pdf.Information.Title.Trim();
            return new ExtractedText(string.Join("\n\n", pages).Trim(), frontMatter);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new UnreadableDocumentException("The file is not a readable PDF.", e);
        }
    }
}
