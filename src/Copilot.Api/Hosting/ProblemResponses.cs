using Microsoft.AspNetCore.Mvc;

namespace Copilot.Api.Hosting;

/// <summary>Writes an RFC 7807 problem outside an endpoint (authentication, rate limiting), whatever the caller accepts.</summary>
internal static class ProblemResponses
{
    /// <summary>
    /// The registered writers refuse a caller whose Accept header rules out JSON (an SSE client sends
    /// <c>Accept: text/event-stream</c>), and <see cref="IProblemDetailsService.WriteAsync"/> then throws, turning a 401 or
    /// 429 into a 500. Such a caller still gets the problem, as application/problem+json.
    /// </summary>
    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem })) return;
        await context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }
}
