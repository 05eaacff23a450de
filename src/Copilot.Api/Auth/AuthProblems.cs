using Copilot.Api.Hosting;

namespace Copilot.Api.Auth;

/// <summary>401 and 403 answers as RFC 7807 problems naming what was wrong: the credential, or the caller's role.</summary>
internal static class AuthProblems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
        var field = status == StatusCodes.Status401Unauthorized ? "authorization" : "role";
        return ProblemResponses.WriteAsync(context, new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = status, Title = title, Detail = detail,
        });
    }
}
