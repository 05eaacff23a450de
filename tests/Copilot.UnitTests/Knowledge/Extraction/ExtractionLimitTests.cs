using Copilot.Knowledge.Extraction;
using Xunit.Abstractions;

namespace Copilot.UnitTests.Knowledge.Extraction;

/// <summary>
/// A file is refused when what it inflates to, its parts, pages or characters pass the limits, and refusing it costs
/// memory far below what it would have inflated to (a 52 KB .docx inflating to 50 MB once grew the process by 500 MB).
/// </summary>
public sealed class ExtractionLimitTests(ITestOutputHelper output)
{
    private const long Inflated = 50L * 1024 * 1024;

    [Fact]
    public void A_zip_bomb_docx_is_refused_and_allocates_far_less_than_it_inflates_to()
    {
        var bomb = ZipBombDocx.Build(Inflated);
        Assert.InRange(bomb.Length, 1, 1024 * 1024);
        var extractor = new DocxExtractor(new ExtractionOptions { MaxDocxUncompressedBytes = 16 * 1024 * 1024 });

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<DocumentTooLargeException>(() => extractor.Extract(new MemoryStream(bomb)));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"{bomb.Length:N0} bytes inflating to {Inflated:N0}: refused after allocating {allocated:N0} bytes");
        Assert.Equal("file", error.Field);
        // The file's copy and one inflate buffer; the Open XML SDK never sees the part.
        Assert.True(allocated < 8 * 1024 * 1024, $"Refusing the bomb allocated {allocated / 1024 / 1024} MB.");
    }

    [Fact]
    public void Under_the_inflate_limit_the_character_limit_still_refuses_it_while_streaming()
    {
        var bomb = ZipBombDocx.Build(8L * 1024 * 1024);
        var extractor = new DocxExtractor(new ExtractionOptions { MaxDocumentChars = 100_000 });

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<DocumentTooLargeException>(() => extractor.Extract(new MemoryStream(bomb)));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"8 MB paragraph refused at 100,000 characters after allocating {allocated:N0} bytes");
        // The one paragraph is loaded whole (8 MB of UTF-8 as UTF-16 text and its element), but never a whole-body tree
        // of copies; the bound is loose on purpose, the point is that it is a bound.
        Assert.True(allocated < 8 * 8L * 1024 * 1024, $"Refusing it allocated {allocated / 1024 / 1024} MB.");
    }

    [Fact]
    public void A_docx_with_too_many_parts_is_refused()
    {
        var extractor = new DocxExtractor(new ExtractionOptions { MaxDocxParts = 10 });
        using var file = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i < 11; i++) zip.CreateEntry($"word/media/image{i}.png");

        Assert.Throws<DocumentTooLargeException>(() => extractor.Extract(new MemoryStream(file.ToArray())));
    }

    [Fact]
    public void A_pdf_over_the_page_limit_is_refused()
    {
        var pdf = PdfExtractorTests.BuildPdf("Long", Enumerable.Range(1, 5).Select(i => $"Page {i}.").ToArray());

        Assert.Throws<DocumentTooLargeException>(() => new PdfExtractor(new ExtractionOptions { MaxPdfPages = 4 }).Extract(new MemoryStream(pdf)));
        Assert.Contains("Page 5.", new PdfExtractor(new ExtractionOptions { MaxPdfPages = 5 }).Extract(new MemoryStream(pdf)).Text);
    }

    [Fact]
    public void A_pdf_over_the_character_limit_is_refused()
    {
        var pdf = PdfExtractorTests.BuildPdf("Long", Enumerable.Range(1, 3).Select(_ => new string('x', 600)).ToArray());

        Assert.Throws<DocumentTooLargeException>(() => new PdfExtractor(new ExtractionOptions { MaxDocumentChars = 1000 }).Extract(new MemoryStream(pdf)));
    }

    [Fact]
    public void Extraction_stops_when_the_files_time_is_up()
    {
        using var docx = new WordDocumentBuilder().Paragraph("正文").Build();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new DocxExtractor().Extract(docx, cancelled.Token));
    }
}
