using System.Text.Json;
using Copilot.Api.Auth;
using Copilot.Common;
using Copilot.Idempotency;
using Copilot.Outcomes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Copilot.Api.Outcomes;

public static class OutcomeEndpoints
{
    public static IEndpointRouteBuilder MapOutcomeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").WithTags("Outcomes");
        group.MapPost("/events", RecordAsync).WithName("RecordOutcomeEvents").RequireAuthorization(AuthPolicies.RecordOutcomes)
            .WithSummary("Record what happened after a message (sent, opened, replied, logged_in, traded, deposited, complaint): one event or an array")
            .Accepts<OutcomeEventRequest[]>("application/json")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);
        group.MapGet("/dashboard", GetAsync).WithName("GetDashboard").RequireAuthorization(AuthPolicies.ReadDashboard)
            .WithSummary("Drafts, contacts and outcomes for the firm, a branch or an advisor over a window of days")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        // The page: served at /dashboard as the other pages are, open like them (its figures need a key).
        app.MapGet("/dashboard", (IWebHostEnvironment environment) =>
                TypedResults.Stream(environment.WebRootFileProvider.GetFileInfo("dashboard.html").CreateReadStream(), "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// A batch (a JSON array) always answers 200 with each rejected event by index and field. A single event (an object)
    /// that is rejected is a problem instead: 409 when its id was used for a different event, 422 naming the field otherwise.
    /// </summary>
    private static async Task<Ok<OutcomeEventsResponse>> RecordAsync(
        [FromBody] JsonElement body, [FromHeader(Name = IdempotencyStore.Header)] string? idempotencyKey, Caller caller,
        OutcomeEventIngest ingest, CancellationToken ct)
    {
        var single = body.ValueKind == JsonValueKind.Object;
        if (!single && body.ValueKind != JsonValueKind.Array)
            throw new InputValidationException("events", "Send an event object or an array of them.");
        var events = single ? [body] : body.EnumerateArray().ToList();
        if (!IsText(body)) throw new InputValidationException("events", "The body holds a string that is not valid Unicode (a lone surrogate escape).");
        var only = caller.Role == CallerRole.Advisor ? caller.AdvisorId : null;
        var result = await ingest.RecordAsync(events, only, caller.Name, caller.IsLocal ? "local" : caller.Name, idempotencyKey, ct);
        if (single && result.RejectedEvents is [var rejected])
            throw rejected.Conflict ? new ConflictException(rejected.Reason) : new InputValidationException(rejected.Field, rejected.Reason, unprocessable: true);
        return TypedResults.Ok(result);
    }

    /// <summary>Every string and property name reads as text: a lone surrogate escape would fail later, as a 500, when first read.</summary>
    private static bool IsText(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString() is not null,
                JsonValueKind.Array => element.EnumerateArray().All(IsText),
                JsonValueKind.Object => element.EnumerateObject().All(p => p.Name is not null && IsText(p.Value)),
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task<Ok<DashboardResponse>> GetAsync(
        string? level, string? id, DateOnly? from, DateOnly? to, Caller caller, Dashboard dashboard, CancellationToken ct)
    {
        if (!Enum.TryParse<DashboardLevel>(level ?? "advisor", ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(level, out _))
            throw new InputValidationException("level", "Use firm, branch or advisor.");
        if (caller.Role == CallerRole.Advisor)
        {
            // An advisor sees its own figures only: not its branch's, not the firm's, not a colleague's.
            if (parsed != DashboardLevel.Advisor) throw new ForbiddenException("level", "An advisor's key sees the advisor level only.");
            id = caller.ActFor(id, "id");
        }
        if (parsed != DashboardLevel.Firm && string.IsNullOrWhiteSpace(id))
            throw new InputValidationException("id", $"Name the {parsed.ToString().ToLowerInvariant()}.");
        return TypedResults.Ok(await dashboard.GetAsync(parsed, id, from, to, ct));
    }
}
