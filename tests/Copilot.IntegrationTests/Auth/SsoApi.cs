using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Copilot.IntegrationTests.Auth;

/// <summary>
/// The keyed service with the firm's single sign-on on: tokens signed locally with a test RSA key whose public half is
/// configured as Auth:Jwt:SigningKeys, so no identity provider (and no network) is needed.
/// </summary>
public sealed class SsoApi : ApiFixture
{
    public const string Issuer = "https://sso.test.example/realms/staff";
    public const string Audience = "advisor-copilot";

    public RSA SigningKey { get; } = RSA.Create(2048);

    /// <summary>A client that sends one of <see cref="KeyedApi"/>'s keys.</summary>
    public HttpClient As(string key) => WithToken(key);

    public HttpClient WithToken(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A token as the firm's provider would issue it; each argument can be turned wrong.</summary>
    public string Token(string user, object? roles, string? advisorId = null, string issuer = Issuer, string audience = Audience,
        DateTime? expires = null, RSA? signWith = null, string nameClaim = "preferred_username")
    {
        var claims = new Dictionary<string, object> { [nameClaim] = user, ["sub"] = "sub-" + user };
        if (roles is not null) claims["roles"] = roles;
        if (advisorId is not null) claims["advisor_id"] = advisorId;
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = expiry.AddHours(-1),
            NotBefore = expiry.AddHours(-1),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signWith ?? SigningKey), SecurityAlgorithms.RsaSha256),
        });
    }

    protected override CopilotApiFactory CreateFactory()
    {
        var settings = KeyedApi.Settings();
        settings["Auth:Jwt:Issuer"] = Issuer;
        settings["Auth:Jwt:Audience"] = Audience;
        settings["Auth:Jwt:SigningKeys:0"] = SigningKey.ExportSubjectPublicKeyInfoPem();
        settings["Auth:Jwt:NameClaim"] = "preferred_username";
        settings["Auth:Jwt:Roles:Advisor:0"] = "copilot.advisor";
        settings["Auth:Jwt:Roles:Compliance:0"] = "copilot.compliance";
        settings["Auth:Jwt:Roles:Compliance:1"] = "合规岗";
        settings["Auth:Jwt:Roles:Crm:0"] = "copilot.crm";
        settings["Auth:Jwt:Roles:Admin:0"] = "copilot.admin";
        return CopilotApiFactory.TemplateMode(seed: false, extra: settings);
    }

    public override Task DisposeAsync()
    {
        SigningKey.Dispose();
        return base.DisposeAsync();
    }
}
