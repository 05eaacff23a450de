using System.ComponentModel.DataAnnotations;

namespace Copilot.Api.Auth;

/// <summary>
/// Who may call the API: configured keys, stored only as their SHA-256 (<c>printf %s "$KEY" | sha256sum</c>), keys created
/// through /v1/admin/keys, and the firm's single sign-on (<see cref="Jwt"/>). With none of them the service runs open, for one
/// person on their own machine, and says so at start; in Production only when <see cref="AllowAnonymous"/> says so.
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    /// <summary>Callers' names that are not keys': "sso:" starts every single sign-on caller's name.</summary>
    public const string SsoNamePrefix = "sso:";

    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>The firm's single sign-on: bearer JWTs from its identity provider.</summary>
    public JwtOptions Jwt { get; set; } = new();

    /// <summary>Lets a Production service start open (no keys, no JWT): everyone is the local admin. Off unless said.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>How long a stored key found by its hash is kept in memory; a revocation here takes effect at once, elsewhere within this.</summary>
    [Range(0, 3600)]
    public int StoredKeyCacheSeconds { get; set; } = 30;

    /// <summary>Whether configuration alone turns authentication on; keys created through the API also do.</summary>
    public bool Enabled => ApiKeys.Count > 0 || Jwt.Enabled;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        for (var i = 0; i < ApiKeys.Count; i++)
        {
            var key = ApiKeys[i];
            var at = $"{Section}:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name) || key.Name.Length > 64)
                yield return new($"{at}:Name is required, up to 64 characters: it is the caller's name on the audit trail.", [nameof(ApiKeys)]);
            if (key.KeySha256 is not { Length: 64 } hash || !hash.All(Uri.IsHexDigit))
                yield return new($"{at}:KeySha256 must be the key's SHA-256 as 64 hex digits, never the key itself.", [nameof(ApiKeys)]);
            if (key.Role == CallerRole.Advisor && string.IsNullOrWhiteSpace(key.AdvisorId))
                yield return new($"{at}:AdvisorId is required for an advisor's key: it is the only advisor the key acts for.", [nameof(ApiKeys)]);
            if (key.Role != CallerRole.Advisor && !string.IsNullOrWhiteSpace(key.AdvisorId))
                yield return new($"{at}:AdvisorId belongs only on an advisor's key.", [nameof(ApiKeys)]);
            if (key.Name?.StartsWith(SsoNamePrefix, StringComparison.OrdinalIgnoreCase) == true)
                yield return new($"{at}:Name may not start with '{SsoNamePrefix}': single sign-on callers are named so.", [nameof(ApiKeys)]);
        }
        foreach (var repeated in ApiKeys.GroupBy(k => k.KeySha256?.ToLowerInvariant()).Where(g => g.Key is not null && g.Count() > 1))
            yield return new($"{Section}:ApiKeys: keys {string.Join(", ", repeated.Select(k => k.Name))} share one hash.", [nameof(ApiKeys)]);
        foreach (var repeated in ApiKeys.GroupBy(k => k.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            yield return new($"{Section}:ApiKeys: {repeated.Count()} keys are named '{repeated.Key}'; names tell callers apart on the audit trail.", [nameof(ApiKeys)]);
        foreach (var error in Jwt.Validate($"{Section}:Jwt"))
            yield return new(error, [nameof(Jwt)]);
    }
}

/// <summary>One caller: a person or a system, its role, and for an advisor the advisor it acts for.</summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";

    public string KeySha256 { get; set; } = "";

    public CallerRole Role { get; set; } = CallerRole.Advisor;

    public string? AdvisorId { get; set; }
}

/// <summary>What a caller is for. Admin may do everything.</summary>
public enum CallerRole { Advisor, Crm, Compliance, Content, Admin }
