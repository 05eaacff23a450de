using Copilot.Common;

namespace Copilot.Api.Hosting;

/// <summary>Reads a multipart/form-data body, turning a broken envelope into a 400 naming the body.</summary>
internal static class MultipartForm
{
    public static async Task<IFormCollection> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFormAsync(ct);
        }
        // BadHttpRequestException is an IOException too: a body over the size limit stays a 413.
        catch (Exception e) when ((e is InvalidDataException || e is IOException and not BadHttpRequestException) && !ct.IsCancellationRequested)
        {
            // No boundary, a body cut short, too many fields: the envelope, not the file in it, is broken.
            throw new InputValidationException("body", "The multipart body cannot be read: send a complete multipart/form-data body with a boundary.");
        }
    }
}
