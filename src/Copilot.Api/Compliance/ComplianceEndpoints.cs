using Copilot.Api.Auth;
using Copilot.Clients;
using Copilot.Compliance;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Compliance;

public static class ComplianceEndpoints
{
    public static RouteGroupBuilder MapComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        var compliance = app.MapGroup("/v1/compliance").WithTags("Compliance");
        compliance.MapPost("/check", CheckAsync).WithName("CheckCompliance")
            .WithSummary("Pre-check a client message: suitability, prohibited promises, disclosures (rules, then the LLM judge when a model is configured)")
            .ProducesValidationProblem().RequireAuthorization(AuthPolicies.AnyCaller);
        return compliance;
    }

    private static async Task<Ok<ComplianceResult>> CheckAsync(
        ComplianceCheckRequest request, Caller caller, ClientDirectory clients, ComplianceChecker checker, ProductCatalog catalog, CancellationToken ct)
    {
        // A stored client's regulated attributes (lowest category, class, horizon) judge the text, not only what the caller sent;
        // an advisor's key reads its own clients only, compliance and the CRM any advisor's.
        var advisor = caller.Role == CallerRole.Advisor ? caller.ActFor(request.AdvisorId, "advisorId")
            : caller.CanSee(request.AdvisorId) ? request.AdvisorId : null;
        var checkedRequest = request with { Client = await clients.ProfileAsync(advisor, request.Client, ct) };
        // A product the text names is judged like one the request lists: the CRM cannot be expected to list every fund an advisor typed.
        return TypedResults.Ok(await checker.CheckAsync(await catalog.WithNamedProductsAsync(checkedRequest, ct), ct));
    }
}
