using Copilot.Api.Hosting;
using Copilot.Clients;
using Copilot.Common;

namespace Copilot.Api.Clients;

/// <summary>
/// An import's file and its format: a multipart part named file, or the whole body; CSV or JSON lines by content type, as UTF-8
/// (a GB18030 or GBK charset on the content type is decoded).
/// </summary>
internal static class ClientImportBody
{
    public static async Task<(ReadOnlyMemory<byte> Content, ClientImportFormat Format)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await MultipartForm.ReadAsync(request, ct);
            var file = form.Files.GetFile("file") ?? throw new InputValidationException("file", "Send the portraits as the multipart part named file.");
            if (file.Length > maxBytes) throw new BadHttpRequestException("The file exceeds the size limit.", StatusCodes.Status413PayloadTooLarge);
            var format = FormatOf(file.ContentType) ?? FormatOfName(file.FileName)
                ?? throw new ClientImportFormatException("file", "Send a .csv file (text/csv) or a .jsonl file (application/x-ndjson).");
            await using var stream = file.OpenReadStream();
            return (ClientImportCharset.ToUtf8(await ReadAllAsync(stream, ct), file.ContentType, "file"), format);
        }
        var bodyFormat = FormatOf(request.ContentType)
            ?? throw new ClientImportFormatException("Content-Type", "Send text/csv, application/x-ndjson or a multipart file.");
        return (ClientImportCharset.ToUtf8(await ReadAllAsync(request.Body, ct), request.ContentType, "Content-Type"), bodyFormat);
    }

    private static ClientImportFormat? FormatOf(string? contentType)
    {
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            "text/csv" or "application/csv" => ClientImportFormat.Csv,
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines" => ClientImportFormat.JsonLines,
            _ => null,
        };
    }

    private static ClientImportFormat? FormatOfName(string? name) => Path.GetExtension(name ?? "").ToLowerInvariant() switch
    {
        ".csv" => ClientImportFormat.Csv,
        ".jsonl" or ".ndjson" => ClientImportFormat.JsonLines,
        _ => null,
    };

    private static async Task<ReadOnlyMemory<byte>> ReadAllAsync(Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
