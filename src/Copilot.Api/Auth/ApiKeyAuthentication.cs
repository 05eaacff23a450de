using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Copilot.Api.Auth;

/// <summary>
/// API keys as bearer tokens (what OpenAI clients send) or in X-Api-Key. The key is hashed and looked up among the
/// configured hashes, then among the stored ones by the hash's index; the key itself is never stored or logged. With no
/// keys configured or ever stored and no single sign-on, every request is the local admin.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> scheme, ILoggerFactory loggers, UrlEncoder encoder, IOptions<AuthOptions> auth,
    StoredApiKeys stored)
    : AuthenticationHandler<AuthenticationSchemeOptions>(scheme, loggers, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string LocalType = "local";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!auth.Value.Enabled && !await stored.AnyStoredAsync(Context.RequestAborted))
            return Success(new ApiKeyOptions { Name = "local", Role = CallerRole.Admin }, LocalType);

        var presented = PresentedKey();
        if (presented is null) return AuthenticateResult.NoResult();
        var hash = StoredApiKeys.Hash(presented);
        var key = auth.Value.ApiKeys.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(k.KeySha256.ToLowerInvariant()), Encoding.ASCII.GetBytes(hash)));
        if (key is not null) return Success(key, SchemeName);
        // Expired and revoked keys are refused like unknown ones: nothing tells a guesser which it hit.
        if (await stored.FindActiveAsync(hash, Context.RequestAborted) is { } found)
            return Success(new ApiKeyOptions { Name = found.Name, Role = Enum.Parse<CallerRole>(found.Role), AdvisorId = found.AdvisorId }, SchemeName);
        return AuthenticateResult.Fail("Unknown API key.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "An API key is required.",
            "Send your key as 'Authorization: Bearer <key>' or in the X-Api-Key header; an expired or revoked key no longer works.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "This key may not do that.",
            $"The key '{Context.User.Identity?.Name}' has the role {Context.User.FindFirstValue(Caller.RoleClaim)}, which may not call {Request.Method} {Request.Path}.");

    private string? PresentedKey()
    {
        if (Request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header)) return header.ToString().Trim();
        var authorization = Request.Headers[HeaderNames.Authorization].ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    private static AuthenticateResult Success(ApiKeyOptions key, string type)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, key.Name), new(Caller.RoleClaim, key.Role.ToString()) };
        if (key.AdvisorId is { } advisor) claims.Add(new Claim(Caller.AdvisorClaim, advisor));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, type));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
