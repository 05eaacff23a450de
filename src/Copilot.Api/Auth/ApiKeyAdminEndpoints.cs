using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Auth;

/// <summary>/v1/admin/keys: Admin creates keys (shown once), lists them (never the key or its hash), expires and revokes them.</summary>
public static class ApiKeyAdminEndpoints
{
    public static RouteGroupBuilder MapApiKeyAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/v1/admin/keys").WithTags("Admin").RequireAuthorization(AuthPolicies.ManageKeys);
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey")
            .WithSummary("Create a key for a person or system; the key is in this answer only, the service keeps its SHA-256")
            .ProducesValidationProblem().ProducesProblem(422);
        keys.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("Every key, configured and stored, with its status and fingerprint");
        keys.MapGet("/{id}", GetAsync).WithName("GetApiKey").WithSummary("One stored key").ProducesProblem(404);
        keys.MapPost("/{id}/expire", ExpireAsync).WithName("ExpireApiKey")
            .WithSummary("Set when a stored key stops working: now (no body) or a later time").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        keys.MapPost("/{id}/revoke", RevokeAsync).WithName("RevokeApiKey")
            .WithSummary("End a stored key now; its next request is 401").ProducesProblem(404).ProducesProblem(409);
        return keys;
    }

    private static async Task<Created<ApiKeyResponse>> CreateAsync(CreateApiKeyRequest request, Caller caller, StoredApiKeys keys, HttpResponse response,
        CancellationToken ct)
    {
        var created = await keys.CreateAsync(request, caller.Name, ct);
        // The one answer that carries the key: no cache may keep it.
        response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/v1/admin/keys/{created.Id}", created);
    }

    private static async Task<Ok<ApiKeyListResponse>> ListAsync(StoredApiKeys keys, CancellationToken ct) =>
        TypedResults.Ok(new ApiKeyListResponse(await keys.ListAsync(ct)));

    private static async Task<Ok<ApiKeyResponse>> GetAsync(string id, StoredApiKeys keys, CancellationToken ct) =>
        TypedResults.Ok(await keys.GetAsync(id, ct));

    private static async Task<Ok<ApiKeyResponse>> ExpireAsync(string id, ExpireApiKeyRequest? request, Caller caller, StoredApiKeys keys, CancellationToken ct) =>
        TypedResults.Ok(await keys.ExpireAsync(id, request?.ExpiresAt, caller.Name, ct));

    private static async Task<Ok<ApiKeyResponse>> RevokeAsync(string id, Caller caller, StoredApiKeys keys, CancellationToken ct) =>
        TypedResults.Ok(await keys.RevokeAsync(id, caller.Name, ct));
}
