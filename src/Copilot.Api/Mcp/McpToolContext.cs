using Copilot.Api.Auth;
using Copilot.Common;
using ModelContextProtocol;

namespace Copilot.Api.Mcp;

/// <summary>
/// What every MCP tool needs from the request: the caller its key or token made it, the advisor it acts for, and the
/// service's refusals turned into tool errors an assistant can read (the REST API would give them as problems).
/// </summary>
public sealed class McpToolContext(IHttpContextAccessor http, ILogger<McpToolContext> logger)
{
    /// <summary>The authenticated caller of this request (/mcp requires one).</summary>
    public Caller Caller => Caller.From(http.HttpContext?.User ?? throw new InvalidOperationException("An MCP tool ran outside a request."));

    /// <summary>
    /// The advisor a tool that needs one acts for: an advisor key's own (another id is refused), the one a CRM or admin
    /// caller names (required from them).
    /// </summary>
    public string AdvisorFor(string? requested) =>
        Caller.ActFor(string.IsNullOrWhiteSpace(requested) ? null : requested.Trim(), "advisorId")
        ?? throw new InputValidationException("advisorId", "Name the advisor this call acts for (advisorId).");

    /// <summary>Runs a tool's work; refusals become an error result naming the field, logged at Warning without the caller's values.</summary>
    public async Task<T> RunAsync<T>(string tool, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (Refusal(e) is { } refusal)
        {
            logger.LogWarning("MCP tool {Tool} refused: {Fields}", tool, refusal.Fields);
            throw new McpException(refusal.Message);
        }
    }

    private static (string Fields, string Message)? Refusal(Exception e) => e switch
    {
        InputValidationException v => (Fields(v.Errors.Keys),
            string.Join(" ", v.Errors.Select(f => $"{Field(f.Key)}: {string.Join(" ", f.Value)}"))),
        ForbiddenException f => (Field(f.Field), $"{Field(f.Field)}: {f.Message}"),
        NotFoundException n => ("id", n.Message),
        ConflictException c => ("state", c.Message),
        Copilot.Llm.ModelCallException m => ("model", m.RetryAfter is { } wait
            ? $"The model is unavailable ({m.Reason}); retry after {Math.Ceiling(wait.TotalSeconds)} seconds."
            : $"The model failed ({m.Reason})."),
        _ => null,
    };

    private static string Fields(IEnumerable<string> keys) => string.Join(",", keys.Select(Field));

    // The draft tool's request id is the REST API's Idempotency-Key header: name it as the tool's caller knows it.
    private static string Field(string key) => key == Copilot.Idempotency.IdempotencyStore.Header ? "requestId" : key;
}
