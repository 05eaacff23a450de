using Copilot.Api.Auth;
using Copilot.Api.Clients;
using Copilot.Common;
using Copilot.Leads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Leads;

public static class LeadEndpoints
{
    public static RouteGroupBuilder MapLeadEndpoints(this IEndpointRouteBuilder app)
    {
        var leads = app.MapGroup("/v1/leads").WithTags("Leads").RequireAuthorization(AuthPolicies.ServeClients);
        leads.MapGet("/", ListAsync).WithName("ListLeads")
            .WithSummary("Service leads ranked by an explainable score: reasons, score parts, scenario, channel and suitable content")
            .ProducesValidationProblem().ProducesProblem(403);
        leads.MapPost("/{id}/dismiss", (string id, string? advisorId, Caller caller, LeadBoard board, CancellationToken ct) =>
                ActAsync(id, advisorId, LeadBoard.Dismissed, null, caller, board, ct))
            .WithName("DismissLead").WithSummary("Dismiss a lead: it does not come back until its reasons change").ProducesProblem(404);
        leads.MapPost("/{id}/snooze", (string id, string? advisorId, SnoozeLeadRequest? request, Caller caller, LeadBoard board, CancellationToken ct) =>
                ActAsync(id, advisorId, LeadBoard.Snoozed, request?.Until, caller, board, ct))
            .WithName("SnoozeLead").WithSummary("Snooze a lead until a day").ProducesValidationProblem().ProducesProblem(404);
        leads.MapPost("/{id}/done", (string id, string? advisorId, Caller caller, LeadBoard board, CancellationToken ct) =>
                ActAsync(id, advisorId, LeadBoard.Done, null, caller, board, ct))
            .WithName("CompleteLead").WithSummary("Mark a lead done: it does not come back until its reasons change").ProducesProblem(404);
        return leads;
    }

    private static async Task<Ok<LeadList>> ListAsync(
        string? advisorId, string? kind, int? top, string? language, Caller caller, LeadBoard board, CancellationToken ct)
    {
        if (top is < 1 or > 500) throw new InputValidationException("top", "Use 1 to 500.");
        var advisor = SegmentEndpoints.Advisor(caller, advisorId);
        return TypedResults.Ok(await board.ListAsync(advisor, kind, top ?? 50, Languages.Parse(language), ct));
    }

    private static async Task<Ok<LeadActionResult>> ActAsync(
        string id, string? advisorId, string action, DateOnly? until, Caller caller, LeadBoard board, CancellationToken ct)
    {
        var advisor = SegmentEndpoints.Advisor(caller, advisorId);
        return TypedResults.Ok(await board.ActAsync(advisor, id, action, until, caller.IsLocal ? "local" : caller.Name, ct));
    }
}

/// <summary>Until which day (yyyy-MM-dd, after today) the lead stays away.</summary>
public sealed record SnoozeLeadRequest(DateOnly? Until);
