using Copilot.Api.Auth;
using Copilot.Clients.Segments;
using Copilot.Clients.Tags;
using Copilot.Common;
using Copilot.Idempotency;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Clients;

public static class SegmentEndpoints
{
    public static RouteGroupBuilder MapSegmentEndpoints(this IEndpointRouteBuilder app)
    {
        var segments = app.MapGroup("/v1/segments").WithTags("Segments").RequireAuthorization(AuthPolicies.ServeClients);
        segments.MapPost("/", CreateAsync).WithName("CreateSegment")
            .WithSummary("Save a segment: tags and portrait conditions combined with all/any/not, counted live over the advisor's clients")
            .ProducesValidationProblem().ProducesProblem(403);
        segments.MapGet("/", ListAsync).WithName("ListSegments").WithSummary("The advisor's segments with live counts").ProducesProblem(403);
        segments.MapGet("/{id}", GetAsync).WithName("GetSegment").WithSummary("One segment with its live count").ProducesProblem(404);
        segments.MapDelete("/{id}", DeleteAsync).WithName("DeleteSegment").WithSummary("Delete a segment").ProducesProblem(404);
        app.MapGet("/v1/tags", ListTags).WithTags("Segments").WithName("ListTags").RequireAuthorization(AuthPolicies.ReadClients)
            .WithSummary("The tag rules (knowledge/tags): id, title, the values each records");
        return segments;
    }

    private static async Task<Created<SegmentView>> CreateAsync(
        CreateSegmentRequest? request, [FromHeader(Name = IdempotencyStore.Header)] string? idempotencyKey, Caller caller, SegmentStore store, CancellationToken ct)
    {
        if (request is null) throw new InputValidationException("body", "Send { advisorId?, name, definition }.");
        var advisor = Advisor(caller, request.AdvisorId);
        var segment = await store.CreateAsync(request, advisor, caller.IsLocal ? "local" : caller.Name, caller.Name, idempotencyKey, ct);
        return TypedResults.Created($"/v1/segments/{segment.Id}", segment);
    }

    private static async Task<Ok<IReadOnlyList<SegmentView>>> ListAsync(string? advisorId, Caller caller, SegmentStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(caller.ActFor(string.IsNullOrWhiteSpace(advisorId) ? null : advisorId, "advisorId"), ct));

    private static async Task<Ok<SegmentView>> GetAsync(string id, Caller caller, SegmentStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.GetAsync(id, caller.CanSee, ct));

    private static async Task<NoContent> DeleteAsync(string id, Caller caller, SegmentStore store, CancellationToken ct)
    {
        await store.DeleteAsync(id, caller.CanSee, caller.IsLocal ? "local" : caller.Name, ct);
        return TypedResults.NoContent();
    }

    private static Ok<IReadOnlyList<TagRuleView>> ListTags(string? language, TagRuleSet rules)
    {
        var lang = Languages.Parse(language);
        return TypedResults.Ok<IReadOnlyList<TagRuleView>>(rules.Rules.Select(r => new TagRuleView(r.Id, r.Title(lang), r.Values.Select(v => v.Name).ToList(), r.File)).ToList());
    }

    /// <summary>The advisor a request acts for: an advisor key's own; the one a CRM or admin caller names (required from them).</summary>
    internal static string Advisor(Caller caller, string? requested) =>
        caller.ActFor(string.IsNullOrWhiteSpace(requested) ? null : requested.Trim(), "advisorId")
        ?? throw new InputValidationException("advisorId", "Name the advisor (advisorId).");
}

/// <summary>A tag rule: its id, title, the values it records and the file that defines it.</summary>
public sealed record TagRuleView(string Id, string Title, IReadOnlyList<string> Values, string File);
