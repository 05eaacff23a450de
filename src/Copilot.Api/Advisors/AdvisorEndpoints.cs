using Copilot.Advisors;
using Copilot.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Advisors;

/// <summary>An advisor record as sent to PUT /v1/advisors/{id}.</summary>
public sealed record AdvisorBody(string? Name, string? RegistrationNumber, string? Branch, string? Firm);

public static class AdvisorEndpoints
{
    public static RouteGroupBuilder MapAdvisorEndpoints(this IEndpointRouteBuilder app)
    {
        var advisors = app.MapGroup("/v1/advisors").WithTags("Advisors");
        advisors.MapPut("/{id}", UpsertAsync).WithName("UpsertAdvisor")
            .WithSummary("Create or update an advisor: name, registration number (执业编号), branch, firm").ProducesValidationProblem()
            .RequireAuthorization(AuthPolicies.Crm);
        advisors.MapGet("/{id}", GetAsync).WithName("GetAdvisor").WithSummary("One advisor record").RequireAuthorization(AuthPolicies.AnyCaller);
        return advisors;
    }

    private static async Task<Results<Created<Advisor>, Ok<Advisor>>> UpsertAsync(
        string id, AdvisorBody body, Caller caller, AdvisorDirectory directory, CancellationToken ct)
    {
        var created = await directory.UpsertAsync(new AdvisorSeed
        {
            Id = id, Name = body.Name ?? "", RegistrationNumber = body.RegistrationNumber ?? "", Branch = body.Branch, Firm = body.Firm ?? "",
        }, caller.Name, ct);
        var advisor = (await directory.FindAsync(id, ct))!;
        return created ? TypedResults.Created($"/v1/advisors/{id}", advisor) : TypedResults.Ok(advisor);
    }

    private static async Task<Results<Ok<Advisor>, NotFound>> GetAsync(string id, AdvisorDirectory directory, CancellationToken ct) =>
        await directory.FindAsync(id, ct) is { } advisor ? TypedResults.Ok(advisor) : TypedResults.NotFound();
}
