using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Copilot.Api.Auth;

namespace Copilot.UnitTests.Auth;

/// <summary>Single sign-on settings are checked at start: a gap there would let tokens for another application in.</summary>
public sealed class JwtOptionsTests
{
    private static readonly string PublicKey = RSA.Create(2048).ExportSubjectPublicKeyInfoPem();

    [Fact]
    public void A_complete_set_passes_and_turns_authentication_on()
    {
        var options = new AuthOptions { Jwt = Valid() };
        Assert.Empty(Errors(options));
        Assert.True(options.Enabled);
    }

    [Theory]
    [InlineData("audience", "Auth:Jwt:Audience")]
    [InlineData("issuer", "Auth:Jwt:Issuer")]
    [InlineData("private", "Auth:Jwt:SigningKeys:0")]
    [InlineData("garbage", "Auth:Jwt:SigningKeys:0")]
    [InlineData("roles", "Auth:Jwt:Roles")]
    [InlineData("shared", "Auth:Jwt:Roles")]
    [InlineData("http", "Auth:Jwt:Authority")]
    [InlineData("orphan", "Auth:Jwt")]
    public void A_gap_is_refused_naming_the_key(string gap, string named)
    {
        var jwt = Valid();
        switch (gap)
        {
            case "audience": jwt.Audience = null; break;
            case "issuer": jwt.Issuer = null; break;
            case "private": jwt.SigningKeys = [RSA.Create(2048).ExportPkcs8PrivateKeyPem()]; break;
            case "garbage": jwt.SigningKeys = ["-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"]; break;
            case "roles": jwt.Roles = []; break;
            case "shared": jwt.Roles[CallerRole.Admin] = ["copilot.advisor"]; break;
            case "http": jwt.Authority = "http://sso.internal/realms/staff"; break;
            case "orphan": jwt = new JwtOptions { Audience = "advisor-copilot" }; break;
        }
        Assert.Contains(Errors(new AuthOptions { Jwt = jwt }), e => e.StartsWith(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Roles_map_the_firms_values_and_ignore_the_rest()
    {
        var jwt = Valid();
        Assert.Equal([CallerRole.Advisor], jwt.MapRoles(["copilot.advisor", "mail.user"]));
        Assert.Empty(jwt.MapRoles(["Admin", "advisor"]));
    }

    [Fact]
    public void A_configured_key_may_not_take_a_single_sign_on_name()
    {
        var options = new AuthOptions { ApiKeys = [new ApiKeyOptions { Name = "sso:zhang", KeySha256 = new string('a', 64), Role = CallerRole.Crm }] };
        Assert.Contains(Errors(options), e => e.Contains("sso:"));
    }

    private static JwtOptions Valid() => new()
    {
        Issuer = "https://sso.example/realms/staff",
        Audience = "advisor-copilot",
        SigningKeys = [PublicKey],
        Roles = new() { [CallerRole.Advisor] = ["copilot.advisor"], [CallerRole.Compliance] = ["copilot.compliance"] },
    };

    private static List<string> Errors(AuthOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }
}
