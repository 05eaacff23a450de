using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace Copilot.Api.Auth;

/// <summary>
/// The firm's single sign-on as a JWT bearer scheme beside the API keys. A token is checked for signature, issuer,
/// audience and lifetime, then mapped onto the same claims a key gives: the caller's name ("sso:" and the configured
/// name claim), one role from <see cref="JwtOptions.Roles"/>, and for an advisor the advisor id. A valid token that maps to
/// no role (or to several, or an advisor without an advisor id) authenticates but holds no role, so every endpoint is 403.
/// </summary>
internal static class SingleSignOn
{
    public const string SchemeName = "Jwt";
    public const string AuthenticationType = "jwt";
    public const string SelectorScheme = "Caller";
    private const string DeniedClaim = "copilot_denied";

    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public static AuthenticationBuilder AddCallerSchemes(this AuthenticationBuilder builder)
    {
        builder.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.AddJwtBearer(SchemeName);
        builder.Services.AddOptions<JwtBearerOptions>(SchemeName).Configure<IOptions<AuthOptions>>((bearer, auth) => Configure(bearer, auth.Value.Jwt));
        builder.AddPolicyScheme(SelectorScheme, "API key or single sign-on", policy => policy.ForwardDefaultSelector = context =>
            context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.Jwt.Enabled && CarriesJwt(context.Request)
                ? SchemeName : ApiKeyAuthentication.SchemeName);
        return builder;
    }

    /// <summary>A bearer token of three base64url parts is a JWT; API keys have no dots (created ones start "acp_").</summary>
    internal static bool CarriesJwt(HttpRequest request)
    {
        if (request.Headers.ContainsKey(ApiKeyAuthentication.HeaderName)) return false;
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var token = authorization.AsSpan("Bearer ".Length).Trim();
        return token.StartsWith("eyJ") && token.Count('.') == 2;
    }

    private static void Configure(JwtBearerOptions bearer, JwtOptions jwt)
    {
        bearer.MapInboundClaims = false;
        bearer.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        if (!string.IsNullOrWhiteSpace(jwt.Authority)) bearer.Authority = jwt.Authority;
        if (!string.IsNullOrWhiteSpace(jwt.MetadataAddress)) bearer.MetadataAddress = jwt.MetadataAddress;
        // The audience goes only into the validation parameters: JwtBearerOptions.Audience alone would make it look for metadata.
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = string.IsNullOrWhiteSpace(jwt.Issuer) ? null : jwt.Issuer,
            ValidateAudience = true,
            ValidAudience = jwt.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = jwt.SigningKeys.Count > 0 ? jwt.CreateSigningKeys() : null,
            ValidAlgorithms = Algorithms,
            ClockSkew = TimeSpan.FromSeconds(jwt.ClockSkewSeconds),
            NameClaimType = ClaimTypes.Name,
            RoleClaimType = Caller.RoleClaim,
        };
        bearer.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var mapped = Map(context.Principal!, jwt);
                if (mapped is null) context.Fail($"The token has no '{jwt.NameClaim}' claim to name its holder.");
                else context.Principal = mapped;
                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                await AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "The sign-on token is not accepted.",
                    Reason(context.AuthenticateFailure, jwt));
            },
            OnForbidden = context => AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "This sign-on may not do that.",
                context.HttpContext.User.FindFirstValue(DeniedClaim)
                ?? $"'{context.HttpContext.User.Identity?.Name}' has the role {context.HttpContext.User.FindFirstValue(Caller.RoleClaim)}, which may not call {context.Request.Method} {context.Request.Path}."),
        };
    }

    /// <summary>The token's holder as the service's caller, or null when the token names nobody.</summary>
    internal static ClaimsPrincipal? Map(ClaimsPrincipal token, JwtOptions jwt)
    {
        var name = token.FindFirstValue(jwt.NameClaim);
        if (string.IsNullOrWhiteSpace(name)) return null;
        var claims = new List<Claim> { new(ClaimTypes.Name, AuthOptions.SsoNamePrefix + name.Trim()) };
        var roles = jwt.MapRoles(token.FindAll(jwt.RoleClaim).Select(c => c.Value));
        var advisor = token.FindFirstValue(jwt.AdvisorClaim);
        string? denied = roles.Count switch
        {
            0 => $"None of the token's '{jwt.RoleClaim}' values is a role here (Auth:Jwt:Roles).",
            > 1 => $"The token's '{jwt.RoleClaim}' values mean {string.Join(" and ", roles)} here; a caller has one role.",
            _ when roles[0] == CallerRole.Advisor && string.IsNullOrWhiteSpace(advisor) =>
                $"An advisor's token needs the '{jwt.AdvisorClaim}' claim: it is the only advisor the token acts for.",
            _ => null,
        };
        if (denied is not null) claims.Add(new Claim(DeniedClaim, denied));
        else
        {
            claims.Add(new Claim(Caller.RoleClaim, roles[0].ToString()));
            if (roles[0] == CallerRole.Advisor) claims.Add(new Claim(Caller.AdvisorClaim, advisor!.Trim()));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, Caller.RoleClaim));
    }

    // Fixed sentences: the library's messages may quote the token.
    private static string Reason(Exception? failure, JwtOptions jwt) => failure switch
    {
        null => "Send the sign-on token as 'Authorization: Bearer <token>'.",
        SecurityTokenExpiredException => "The token has expired: sign on again.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenInvalidAudienceException => $"The token was issued for another audience, not '{jwt.Audience}'.",
        SecurityTokenInvalidIssuerException => "The token is from another issuer.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token's signature does not verify.",
        SecurityTokenInvalidAlgorithmException => "The token is signed with an algorithm this service does not accept.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        _ when failure.Message.StartsWith("The token has no", StringComparison.Ordinal) => failure.Message,
        _ => "The token is not valid.",
    };
}
