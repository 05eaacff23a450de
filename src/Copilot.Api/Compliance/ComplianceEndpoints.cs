using Copilot.Api.Auth;
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
        ComplianceCheckRequest request, ComplianceChecker checker, ProductCatalog catalog, CancellationToken ct) =>
        // A product the text names is judged like one the request lists: the CRM cannot be expected to list every fund an advisor typed.
        TypedResults.Ok(await checker.CheckAsync(await catalog.WithNamedProductsAsync(request, ct), ct));
}
