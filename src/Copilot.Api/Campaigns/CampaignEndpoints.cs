using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Copilot.Api.Auth;
using Copilot.Campaigns;
using Copilot.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Copilot.Api.Campaigns;

public static class CampaignEndpoints
{
    private static readonly TimeSpan StreamInterval = TimeSpan.FromSeconds(1);

    public static RouteGroupBuilder MapCampaignEndpoints(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/v1/campaigns").WithTags("Campaigns");
        campaigns.MapPost("/", StartAsync).WithName("StartCampaign").RequireAuthorization(AuthPolicies.Drafting)
            .WithSummary("Draft one scenario for many of an advisor's clients (clientIds, segment or leadKind); dryRun only estimates. Send an Idempotency-Key header.")
            .Produces<CampaignAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(409).ProducesProblem(422);
        campaigns.MapGet("/{id}", GetAsync).WithName("GetCampaign").RequireAuthorization(AuthPolicies.ReadDrafts)
            .WithSummary("A campaign's progress: drafted, passed, flagged, failed with reasons, tokens, elapsed and ETA. Send Accept: text/event-stream to follow it.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream").ProducesProblem(404);
        campaigns.MapPost("/{id}/cancel", CancelAsync).WithName("CancelCampaign").RequireAuthorization(AuthPolicies.Drafting)
            .WithSummary("Stop a running campaign: clients not yet drafted are cancelled").ProducesProblem(404).ProducesProblem(409);
        return campaigns;
    }

    private static async Task<Results<Accepted<CampaignAccepted>, Ok<CampaignAccepted>>> StartAsync(
        CampaignRequest request, [FromHeader(Name = IdempotencyStore.Header)] string? idempotencyKey, Caller caller, CampaignService campaigns,
        CancellationToken ct)
    {
        var own = request with { AdvisorId = caller.ActFor(request.AdvisorId, "advisorId") };
        var (accepted, _) = await campaigns.StartAsync(own, idempotencyKey, caller.Name, caller.AuthorFor(own.AdvisorId), ct);
        // A dry run starts nothing: its estimate is the whole answer.
        return accepted.Id is null ? TypedResults.Ok(accepted) : TypedResults.Accepted($"/v1/campaigns/{accepted.Id}", accepted);
    }

    private static async Task<IResult> GetAsync(string id, HttpRequest request, Caller caller, CampaignService campaigns, CancellationToken ct)
    {
        var current = await campaigns.GetAsync(id, caller.CanSee, ct);
        if (request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase)))
            return TypedResults.ServerSentEvents(Follow(id, current, caller, campaigns, ct));
        return TypedResults.Ok(current);
    }

    /// <summary>"progress" events each second while the campaign runs (only when something changed), then "done".</summary>
    private static async IAsyncEnumerable<SseItem<CampaignProgress>> Follow(
        string id, CampaignProgress current, Caller caller, CampaignService campaigns, [EnumeratorCancellation] CancellationToken ct)
    {
        while (current.Status == nameof(CampaignStatus.Running))
        {
            yield return new SseItem<CampaignProgress>(current, "progress");
            CampaignProgress next;
            do
            {
                await Task.Delay(StreamInterval, ct);
                next = await campaigns.GetAsync(id, caller.CanSee, ct);
            }
            while (next.Status == nameof(CampaignStatus.Running) && next.Drafted + next.Failed + next.Drafting == current.Drafted + current.Failed + current.Drafting);
            current = next;
        }
        yield return new SseItem<CampaignProgress>(current, "done");
    }

    private static async Task<Ok<CampaignProgress>> CancelAsync(string id, Caller caller, CampaignService campaigns, CancellationToken ct) =>
        TypedResults.Ok(await campaigns.CancelAsync(id, caller.IsLocal ? "local" : caller.Name, caller.CanSee, ct));
}
