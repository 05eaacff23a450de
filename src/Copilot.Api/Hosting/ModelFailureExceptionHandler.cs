using System.Globalization;
using Copilot.Llm;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Copilot.Api.Hosting;

/// <summary>
/// Turns a model call that failed after its retries into a problem that says why — 502 bad answer, 503 unavailable,
/// 504 timed out, with Retry-After when known — and a spent daily budget into 429 with Retry-After until it resets.
/// </summary>
internal sealed class ModelFailureExceptionHandler(IProblemDetailsService problems, ILogger<ModelFailureExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (ToProblem(exception) is not { } found) return false;
        var (problem, retryAfter) = found;
        if (exception is ModelBudgetExceededException budget)
            logger.LogWarning("Refused {Method} {Path}: advisor {AdvisorId} has spent today's model budget", context.Request.Method, context.Request.Path, budget.AdvisorId);
        else
            logger.LogWarning("{Method} {Path} failed with {Status}: {Reason}", context.Request.Method, context.Request.Path, problem.Status, problem.Detail);
        if (context.Response.HasStarted) return true;
        context.Response.StatusCode = problem.Status!.Value;
        if (retryAfter is { } wait) context.Response.Headers.RetryAfter = Seconds(wait);
        if (context.Request.Path.StartsWithSegments("/v1/chat/completions"))
            problem.Extensions["error"] = new { message = problem.Detail, type = problem.Status == 429 ? "rate_limit_error" : "server_error" };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }

    /// <summary>The problem for a model failure or a spent budget, or null for any other exception; also used for SSE error events.</summary>
    public static (ProblemDetails Problem, TimeSpan? RetryAfter)? ToProblem(Exception exception) => exception switch
    {
        ModelBudgetExceededException e => (new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "The daily model budget is spent.",
            Detail = e.Message,
            Extensions = { ["resetsAt"] = e.ResetsAtUtc },
        }, e.RetryAfter),
        ModelCallException e => (new ProblemDetails
        {
            Status = e.Status,
            Title = "The language model could not answer.",
            Detail = e.Reason,
        }, e.RetryAfter),
        _ => null,
    };

    public static string Seconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
