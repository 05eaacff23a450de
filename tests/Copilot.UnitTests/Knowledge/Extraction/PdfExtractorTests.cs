using Copilot.Knowledge.Extraction;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Copilot.UnitTests.Knowledge.Extraction;

public sealed class PdfExtractorTests
{
    private static readonly PdfExtractor Extractor = new();

    [Fact]
    public void Text_of_every_page_is_extracted_in_order_with_the_document_title()
    {
        var pdf = BuildPdf("Quarterly Outlook", ["Equities remain attractive.", "Bonds offer stable income."]);

        var extracted = Extractor.Extract(new MemoryStream(pdf));

        Assert.Contains("Equities remain attractive.", extracted.Text);
        Assert.Contains("Bonds offer stable income.", extracted.Text);
        Assert.True(extracted.Text.IndexOf("Equities", StringComparison.Ordinal) < extracted.Text.IndexOf("Bonds", StringComparison.Ordinal));
        Assert.Equal("Quarterly Outlook", extracted.FrontMatter["title"]);
    }

    [Fact]
    public void Garbage_bytes_are_an_unreadable_document()
    {
        var garbage = new MemoryStream("%PDF-1.7 this is not really a pdf"u8.ToArray());

        Assert.Throws<UnreadableDocumentException>(() => Extractor.Extract(garbage));
    }

    internal static byte[] BuildPdf(string title, string[] pages)
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pages)
            builder.AddPage(PageSize.A4).AddText(text, 12, new PdfPoint(50, 700), font);
        return builder.Build();
    }
}
