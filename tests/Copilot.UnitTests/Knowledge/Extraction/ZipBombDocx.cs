using System.IO.Compression;
using System.Text;

namespace Copilot.UnitTests.Knowledge.Extraction;

/// <summary>
/// A well-formed .docx whose document part inflates to <paramref name="inflatedBytes"/> of text in one paragraph,
/// written through the zip stream in pieces so building it costs the test little memory. Deflate packs the
/// repeated text about a thousand to one: 50 MB fits in some 50 KB.
/// </summary>
internal static class ZipBombDocx
{
    public static byte[] Build(long inflatedBytes)
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Write(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            using var part = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            part.Write("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>""");
            var piece = string.Concat(Enumerable.Repeat("保本保收益 ", 1024));
            var pieceBytes = Encoding.UTF8.GetByteCount(piece);
            for (long written = 0; written < inflatedBytes; written += pieceBytes) part.Write(piece);
            part.Write("</w:t></w:r></w:p></w:body></w:document>");
        }
        return file.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
