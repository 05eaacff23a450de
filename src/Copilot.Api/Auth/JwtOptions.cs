using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Copilot.Api.Auth;

/// <summary>
/// The firm's single sign-on (<c>Auth:Jwt</c>): bearer JWTs signed by its identity provider, whose signing keys come from
/// the provider's metadata (<see cref="Authority"/> or <see cref="MetadataAddress"/>) or are configured as PEM public keys.
/// </summary>
public sealed class JwtOptions
{
    /// <summary>The identity provider's base address; its keys and issuer are read from /.well-known/openid-configuration.</summary>
    public string? Authority { get; set; }

    /// <summary>The metadata document's address, when it is not under <see cref="Authority"/>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The tokens' <c>iss</c>; required with <see cref="SigningKeys"/>, optional with metadata (which names it).</summary>
    public string? Issuer { get; set; }

    /// <summary>The <c>aud</c> the provider writes into tokens issued for this service.</summary>
    public string? Audience { get; set; }

    /// <summary>PEM public keys (RSA or EC) that sign the tokens, for a provider without reachable metadata.</summary>
    public List<string> SigningKeys { get; set; } = [];

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim that names the person: unique and stable per person (<c>sub</c>; <c>preferred_username</c> reads better if it is never reassigned).</summary>
    public string NameClaim { get; set; } = "sub";

    /// <summary>The claim that carries the person's roles (one value or several).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim that carries an advisor's id; an advisor's token without it is refused.</summary>
    public string AdvisorClaim { get; set; } = "advisor_id";

    /// <summary>Which of the firm's role values mean which role here. Required: a directory's generic "Admin" must not become one here.</summary>
    public Dictionary<CallerRole, List<string>> Roles { get; set; } = [];

    [Range(0, 600)]
    public int ClockSkewSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(MetadataAddress) || SigningKeys.Count > 0;

    /// <summary>The roles a token's role values map to (an unknown value maps to none).</summary>
    public IReadOnlyList<CallerRole> MapRoles(IEnumerable<string> values) =>
        Roles.Where(r => r.Value.Any(values.Contains)).Select(r => r.Key).Distinct().ToList();

    /// <summary>The configured public keys as signing keys.</summary>
    public IReadOnlyList<SecurityKey> CreateSigningKeys() => SigningKeys.Select(ParseKey).ToList();

    internal IEnumerable<string> Validate(string at)
    {
        if (!Enabled)
        {
            if (!string.IsNullOrWhiteSpace(Audience) || !string.IsNullOrWhiteSpace(Issuer))
                yield return $"{at}: set Authority, MetadataAddress or SigningKeys, or the tokens' issuer and audience mean nothing.";
            yield break;
        }
        if (string.IsNullOrWhiteSpace(Audience))
            yield return $"{at}:Audience is required: a token issued for another application must not get in.";
        var metadata = !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(MetadataAddress);
        if (!metadata && string.IsNullOrWhiteSpace(Issuer))
            yield return $"{at}:Issuer is required with SigningKeys (without Authority nothing names it).";
        foreach (var (name, address) in new[] { (nameof(Authority), Authority), (nameof(MetadataAddress), MetadataAddress) })
            if (!string.IsNullOrWhiteSpace(address) && (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (RequireHttpsMetadata && uri.Scheme != Uri.UriSchemeHttps)))
                yield return $"{at}:{name} must be an absolute https address (RequireHttpsMetadata=false allows http, for tests only).";
        for (var i = 0; i < SigningKeys.Count; i++)
        {
            string? error = null;
            try { ParseKey(SigningKeys[i]); }
            catch (Exception e) when (e is CryptographicException or ArgumentException) { error = e.Message; }
            if (error is not null) yield return $"{at}:SigningKeys:{i} is not a PEM public key (RSA or EC): {error}";
        }
        foreach (var (name, claim) in new[] { (nameof(NameClaim), NameClaim), (nameof(RoleClaim), RoleClaim), (nameof(AdvisorClaim), AdvisorClaim) })
            if (string.IsNullOrWhiteSpace(claim)) yield return $"{at}:{name} is required.";
        if (Roles.Count == 0 || Roles.All(r => r.Value.Count == 0))
            yield return $"{at}:Roles is required: which of the firm's role values (in the '{RoleClaim}' claim) mean Advisor, Crm, Compliance, Content or Admin here.";
        foreach (var shared in Roles.SelectMany(r => r.Value.Select(v => (Role: r.Key, Value: v))).GroupBy(p => p.Value).Where(g => g.Count() > 1))
            yield return $"{at}:Roles: the value '{shared.Key}' maps to {string.Join(" and ", shared.Select(p => p.Role))}; a person has one role here.";
    }

    private static SecurityKey ParseKey(string pem)
    {
        if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
            throw new ArgumentException("It is a private key; configure the public half only.");
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (ArgumentException)
        {
            rsa.Dispose();
        }
        var ec = ECDsa.Create();
        ec.ImportFromPem(pem);
        return new ECDsaSecurityKey(ec);
    }
}
