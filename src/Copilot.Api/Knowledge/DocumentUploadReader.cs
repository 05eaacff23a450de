using Copilot.Api.Hosting;
using Copilot.Common;
using Copilot.Knowledge;
using Copilot.Knowledge.Extraction;

namespace Copilot.Api.Knowledge;

/// <summary>Reads an upload, multipart (file + metadata fields) or JSON (text + metadata), and hands it to ingestion.</summary>
internal static class DocumentUploadReader
{
    /// <param name="actor">The key or person uploading, for the audit trail.</param>
    public static async Task<IngestionResult> IngestAsync(HttpRequest request, KnowledgeIngestion ingestion, long maxBytes, string actor, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes + 1024 * 1024)
            throw new BadHttpRequestException("The upload exceeds the size limit.", StatusCodes.Status413PayloadTooLarge);

        if (request.HasFormContentType)
        {
            var form = await MultipartForm.ReadAsync(request, ct);
            var file = form.Files.GetFile("file") ?? throw new InputValidationException("file", "Attach the document as the form field 'file'.");
            if (file.Length > maxBytes)
                throw new BadHttpRequestException("The file exceeds the size limit.", StatusCodes.Status413PayloadTooLarge);
            if (!TextExtractors.Default.Supports(file.FileName))
                throw new UnsupportedFormatException(Path.GetExtension(file.FileName));
            var fields = form.Where(f => f.Key != "file").ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            await using var content = file.OpenReadStream();
            return await ingestion.IngestFileAsync(file.FileName, content, fields, ct, actor: actor);
        }

        if (request.HasJsonContentType())
        {
            CreateDocumentRequest? body;
            try
            {
                body = await request.ReadFromJsonAsync<CreateDocumentRequest>(ct);
            }
            catch (System.Text.Json.JsonException e)
            {
                // The same shape of error as a bound body: the exception handler names the field from the JSON path.
                throw new BadHttpRequestException("The JSON body is not valid.", StatusCodes.Status400BadRequest, e);
            }
            if (body is null) throw new InputValidationException("body", "Send a JSON object.");
            if (string.IsNullOrWhiteSpace(body.Text))
                throw new InputValidationException("text", "The document text must not be empty.");
            return await ingestion.IngestTextAsync(body.ToFields(), body.Text, null, ct, actor);
        }

        throw new UnsupportedFormatException(request.ContentType ?? "(none)");
    }
}
