using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Auth;

/// <summary>Who the service takes the caller for: its name and role, the advisor it acts for, and how it was recognised ("api-key", "jwt" or "off").</summary>
public sealed record CallerResponse(string Name, string Role, string? AdvisorId, string Authentication);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/me", Me).WithTags("Auth").WithName("GetCaller")
            .WithSummary("The caller as the service sees it; the pages use it to ask for a key and to show who acts")
            .RequireAuthorization(AuthPolicies.AnyCaller);
        return app;
    }

    private static Ok<CallerResponse> Me(Caller caller) =>
        TypedResults.Ok(new CallerResponse(caller.Name, caller.Role.ToString(), caller.AdvisorId, caller.Authentication));
}
