using Copilot.Common;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Hosting;

/// <summary>
/// Holds every request body but document uploads to Limits:JsonBodyBytes, so a 20 MB JSON body is refused before
/// it is read and deserialized. Uploads keep Kestrel's larger limit, sized from Knowledge:MaxUploadBytes.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, IOptions<InputLimitsOptions> limits, IOptions<Copilot.Clients.ClientOptions> clients)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/v1/knowledge/documents"))
        {
            // Portrait imports are files of up to Clients:MaxImportBytes.
            var max = context.Request.Path.StartsWithSegments("/v1/clients/import") ? clients.Value.MaxImportBytes : limits.Value.JsonBodyBytes;
            if (context.Request.ContentLength > max)
                throw new BadHttpRequestException("The request body exceeds the size limit.", StatusCodes.Status413PayloadTooLarge);
            // Bodies without a declared length (chunked) are cut off by the server as they arrive.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = max;
        }
        return next(context);
    }
}
