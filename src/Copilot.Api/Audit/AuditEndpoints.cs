using Copilot.Api.Auth;
using Copilot.Audit;
using Copilot.Drafting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Audit;

/// <summary>One audit entry as shown to reviewers and auditors.</summary>
public sealed record AuditEntryResponse(long Id, string Action, string Actor, string DetailsJson, DateTime CreatedAtUtc, string PreviousHash, string Hash);

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/drafts/{id}/audit", DraftAuditAsync).WithTags("Audit").WithName("GetDraftAudit")
            .WithSummary("Every recorded step of one draft, oldest first").RequireAuthorization(AuthPolicies.ReadDrafts);
        app.MapGet("/v1/audit/verify", VerifyAsync).WithTags("Audit").WithName("VerifyAudit")
            .WithSummary("Recomputes the hash chain: whether it is intact, where it first breaks, and its head (record it; pass it back as recordedHash)").RequireAuthorization(AuthPolicies.Review);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntryResponse>>, NotFound>> DraftAuditAsync(
        string id, Caller caller, DraftReview drafts, AuditTrail audit, CancellationToken ct)
    {
        // Throws 404 for a draft that does not exist or that the caller may not see.
        await drafts.GetAsync(id, caller.CanSee, ct);
        var entries = await audit.ForEntityAsync("draft", id, ct);
        if (entries.Count == 0) return TypedResults.NotFound();
        return TypedResults.Ok<IReadOnlyList<AuditEntryResponse>>(entries.Select(e =>
            new AuditEntryResponse(e.Id, e.Action, e.Actor, e.DetailsJson, e.CreatedAtUtc, e.PreviousHash, e.Hash)).ToList());
    }

    /// <param name="recordedHash">A head hash recorded from an earlier verification, to prove the chain was not cut back since.</param>
    private static async Task<Ok<AuditVerification>> VerifyAsync(string? recordedHash, AuditTrail audit, CancellationToken ct) =>
        TypedResults.Ok(await audit.VerifyAsync(recordedHash, ct));
}
