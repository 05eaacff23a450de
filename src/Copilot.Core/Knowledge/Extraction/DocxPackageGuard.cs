using System.IO.Compression;

namespace Copilot.Knowledge.Extraction;

/// <summary>
/// Inflates every part of a .docx into nothing, counting, before the Open XML SDK sees it: a 52 KB file that
/// inflates to 50 MB is refused after reading at most the limit, through one small buffer, instead of parsed.
/// Declared sizes in the zip directory are not trusted; the bytes are counted as they come.
/// </summary>
internal static class DocxPackageGuard
{
    public static void Check(Stream package, ExtractionOptions limits, CancellationToken ct)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableDocumentException("The file is not a readable Word (.docx) document.", e);
        }
        using (zip)
        {
            if (zip.Entries.Count > limits.MaxDocxParts)
                throw new DocumentTooLargeException("file", $"A Word document may have up to {limits.MaxDocxParts:N0} parts.");
            var buffer = new byte[81920];
            long total = 0;
            try
            {
                foreach (var entry in zip.Entries)
                {
                    using var part = entry.Open();
                    int read;
                    while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        ct.ThrowIfCancellationRequested();
                        total += read;
                        if (total > limits.MaxDocxUncompressedBytes)
                            throw new DocumentTooLargeException("file",
                                $"The Word document inflates to more than {limits.MaxDocxUncompressedBytes / (1024 * 1024):N0} MB.");
                    }
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
            {
                throw new UnreadableDocumentException("The file is not a readable Word (.docx) document.", e);
            }
        }
        package.Position = 0;
    }
}
