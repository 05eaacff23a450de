using Copilot.Api.Auth;
using Copilot.Common;
using Copilot.Compliance;
using Copilot.Drafting;
using Copilot.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Copilot.Api.Drafting;

public static class DraftEndpoints
{
    public static RouteGroupBuilder MapDraftEndpoints(this IEndpointRouteBuilder app)
    {
        var drafts = app.MapGroup("/v1/drafts").WithTags("Drafts");
        drafts.MapPost("/", CreateAsync).WithName("CreateDraft").RequireAuthorization(AuthPolicies.Drafting)
            .WithSummary("Draft a message to one client; it is pre-checked and waits for compliance review. Send an Idempotency-Key header.")
            .ProducesValidationProblem().ProducesProblem(409).ProducesProblem(422);
        drafts.MapGet("/", ListAsync).WithName("ListDrafts").RequireAuthorization(AuthPolicies.ReadDrafts).WithSummary("The review queue: drafts by status, advisor, scenario, verdict, rule and campaign, newest first").ProducesValidationProblem();
        drafts.MapGet("/{id}", GetAsync).WithName("GetDraft").RequireAuthorization(AuthPolicies.ReadDrafts).WithSummary("One draft with its findings and citations").ProducesProblem(404);
        drafts.MapPost("/{id}/review", ReviewAsync).WithName("ReviewDraft").RequireAuthorization(AuthPolicies.Review)
            .WithSummary("A compliance officer approves, rejects or requests changes; edited text is re-checked")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        drafts.MapPost("/review-batch", ReviewBatchAsync).WithName("ReviewDraftBatch").RequireAuthorization(AuthPolicies.Review)
            .WithSummary("One decision for many drafts, each re-checked and audited on its own; flagged drafts are refused from a bulk approve")
            .ProducesValidationProblem();
        drafts.MapPost("/{id}/revise", ReviseAsync).WithName("ReviseDraft").RequireAuthorization(AuthPolicies.Drafting)
            .WithSummary("The advisor revises a draft sent back for changes; it returns to review").ProducesProblem(404).ProducesProblem(409);
        drafts.MapPost("/{id}/sent", SentAsync).WithName("MarkDraftSent").RequireAuthorization(AuthPolicies.Crm)
            .WithSummary("The CRM confirms an approved message was sent").ProducesProblem(404).ProducesProblem(409);
        app.MapGet("/v1/scenarios", () => TypedResults.Ok(ScenarioCatalog.All.Select(s => new ScenarioItem(s.Kind, s.Code)).ToList()))
            .WithTags("Drafts").WithName("ListScenarios").WithSummary("The content matrix: each scenario's kind and code, for drafting")
            .RequireAuthorization(AuthPolicies.AnyCaller);
        return drafts;
    }

    private static async Task<Created<DraftView>> CreateAsync(
        DraftRequest request, [FromHeader(Name = IdempotencyStore.Header)] string? idempotencyKey, Caller caller, DraftCreation creation,
        CancellationToken ct)
    {
        var own = request with { AdvisorId = caller.ActFor(request.AdvisorId, "advisorId") };
        // Keys are the caller's own: another caller's key neither replays nor blocks theirs.
        var (draft, _) = await creation.CreateAsync(own, idempotencyKey, caller.Name, caller.AuthorFor(own.AdvisorId), ct);
        // A replay answers as the first request did: 201 with the same draft.
        return TypedResults.Created($"/v1/drafts/{draft.Id}", draft);
    }

    private static async Task<Ok<DraftPage>> ListAsync(
        [AsParameters] DraftListParameters query, Caller caller, DraftReview review, CancellationToken ct)
    {
        var (status, advisorId, page, pageSize) = (query.Status, query.AdvisorId, query.Page, query.PageSize);
        if (query.Scenario is { Length: > 0 } scenario && ScenarioCatalog.All.All(s => s.Code != scenario))
            throw new InputValidationException("scenario", "Unknown scenario; GET /v1/scenarios lists them.");
        if (query.Verdict is { Length: > 0 } verdict && verdict is not (ComplianceVerdict.Pass or ComplianceVerdict.Review or ComplianceVerdict.Fail))
            throw new InputValidationException("verdict", "Use pass, review or fail.");
        if (query.RuleId is { Length: > 0 } rule && !DraftListParameters.IsRuleId(rule))
            throw new InputValidationException("ruleId", "A rule id is up to 64 letters, digits, '-', '_' or '.'.");
        if (query.CampaignId is { Length: > 0 } campaign && !DraftListParameters.IsCampaignId(campaign))
            throw new InputValidationException("campaignId", "A campaign id is up to 40 letters, digits, '-', '_' or '.'.");
        DraftStatus? parsed = null;
        if (!string.IsNullOrWhiteSpace(status))
            parsed = EnumText.TryParse<DraftStatus>(status, out var s) ? s
                : throw new InputValidationException("status", "Use PendingReview, Approved, Rejected, ChangesRequested or Sent.");
        if (page is < 1) throw new InputValidationException("page", "Pages start at 1.");
        if (pageSize is < 1 or > 200) throw new InputValidationException("pageSize", "Use 1 to 200.");
        // An advisor's key lists only its own drafts; compliance and the CRM see every advisor's.
        var advisor = caller.Role == CallerRole.Advisor ? caller.ActFor(advisorId, "advisorId") : advisorId;
        return TypedResults.Ok(await review.ListAsync(parsed, advisor, page ?? 1, pageSize ?? 20, ct, query.Scenario, query.Verdict, query.RuleId,
            query.CampaignId));
    }

    private static async Task<Ok<DraftView>> GetAsync(string id, Caller caller, DraftReview review, CancellationToken ct) =>
        TypedResults.Ok(await review.GetAsync(id, caller.CanSee, ct));

    private static async Task<Ok<DraftView>> ReviewAsync(string id, ReviewRequest request, Caller caller, DraftReview review, CancellationToken ct) =>
        TypedResults.Ok(await review.ReviewAsync(id, request with { ReviewerId = caller.Actor(request.ReviewerId, "reviewerId") }, ct));

    private static async Task<Ok<ReviewBatchResponse>> ReviewBatchAsync(ReviewBatchRequest request, Caller caller, DraftBatchReview batch, CancellationToken ct) =>
        TypedResults.Ok(await batch.ReviewAsync(request with { ReviewerId = caller.Actor(request.ReviewerId, "reviewerId") }, ct));

    private static async Task<Ok<DraftView>> ReviseAsync(string id, ReviseRequest request, Caller caller, DraftReview review, CancellationToken ct) =>
        TypedResults.Ok(await review.ReviseAsync(id, request with { AdvisorId = caller.ActFor(request.AdvisorId, "advisorId") },
            caller.AuthorFor(caller.ActFor(request.AdvisorId, "advisorId")), caller.CanSee, ct));

    private static async Task<Ok<DraftView>> SentAsync(string id, SentRequest? request, Caller caller, DraftReview review, CancellationToken ct) =>
        TypedResults.Ok(await review.MarkSentAsync(id, request ?? new SentRequest(null, null), caller.IsLocal ? "crm" : caller.Name, ct));
}
