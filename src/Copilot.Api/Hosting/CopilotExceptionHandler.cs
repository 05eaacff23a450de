using System.Text.Json;
using Copilot.Common;
using Copilot.Knowledge.Extraction;
using Microsoft.AspNetCore.Diagnostics;

namespace Copilot.Api.Hosting;

/// <summary>Turns known failures into RFC 7807 problems that name the field and the reason.</summary>
internal sealed class CopilotExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    private const string RejectedFieldsItem = "Copilot.RejectedFields";

    /// <summary>The fields a rejected request's problem named, for the request's log line; never their values.</summary>
    public static string? RejectedFields(HttpContext context) => context.Items[RejectedFieldsItem] as string;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, errors) = exception switch
        {
            InputValidationException e => (e.Unprocessable ? 422 : 400, "The request is not valid.", e.Errors),
            UnsupportedFormatException e => (415, "Unsupported file type.", Field("file", e.Message)),
            Copilot.Clients.ClientImportFormatException e => (415, "Unsupported import file.", Field(e.Field, e.Message)),
            UnreadableDocumentException e => (422, "The file cannot be read.", Field("file", e.Message)),
            DocumentTooLargeException e => (413, "The document is too large.", Field(e.Field, e.Message)),
            BadHttpRequestException { StatusCode: 413 } => (413, "The request is too large.",
                Field(context.Request.HasFormContentType ? "file" : "body", "The request exceeds the size limit.")),
            // The serializer's own message quotes what it could not read; the problem names the place only.
            BadHttpRequestException { InnerException: JsonException json } => (400, "The JSON body is not valid.",
                Field(FieldOf(json.Path), "Not valid JSON here, or not of the expected type.")),
            BadHttpRequestException e => (e.StatusCode, "The request is not valid.", BindingFailure(e)),
            ForbiddenException e => (403, "This caller may not do that.", Field(e.Field, e.Message)),
            ConflictException e => (409, "The request conflicts with the resource's state.", Field("state", e.Message)),
            NotFoundException e => (404, "Not found.", Field("id", e.Message)),
            _ => (0, "", (IReadOnlyDictionary<string, string[]>?)null),
        };
        if (status == 0) return false;

        // The request log line (Warning, outside this handler) names the fields; the reasons may quote the caller's input.
        context.Items[RejectedFieldsItem] = string.Join(",", errors!.Keys);
        context.Response.StatusCode = status;
        var problem = new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = status,
            Title = title,
            Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        };
        // OpenAI clients show only their own error shape; the problem carries it too for the compatible endpoint.
        if (context.Request.Path.StartsWithSegments("/v1/chat/completions"))
            problem.Extensions["error"] = new { message = problem.Detail, type = "invalid_request_error", param = errors.Keys.First() };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }

    private static IReadOnlyDictionary<string, string[]> Field(string name, string reason) => new Dictionary<string, string[]> { [name] = [reason] };

    // Binding messages quote the value ('Failed to bind parameter "int? top" from "abc".'): keep the parameter's name only.
    private static IReadOnlyDictionary<string, string[]> BindingFailure(BadHttpRequestException e)
    {
        var match = System.Text.RegularExpressions.Regex.Match(e.Message, "parameter \"[^\" ]+ (?<name>[A-Za-z0-9_]+)\"");
        return e.StatusCode == StatusCodes.Status415UnsupportedMediaType
            ? Field("body", "Send the body as application/json.")
            : match.Success ? Field(JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value), "The value is missing or not of the expected type.")
            : Field("body", "The request cannot be read.");
    }

    // "$.filters.type" → "filters.type"
    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$', '.');
}
