using System.ComponentModel.DataAnnotations;

namespace Copilot.Api.Auth;

/// <summary>
/// Who may call the API. Each key is stored only as its SHA-256 (<c>printf %s "$KEY" | sha256sum</c>); with no keys the
/// service runs open, for one person on their own machine, and says so at start.
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    public bool Enabled => ApiKeys.Count > 0;

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
        }
        foreach (var repeated in ApiKeys.GroupBy(k => k.KeySha256?.ToLowerInvariant()).Where(g => g.Key is not null && g.Count() > 1))
            yield return new($"{Section}:ApiKeys: keys {string.Join(", ", repeated.Select(k => k.Name))} share one hash.", [nameof(ApiKeys)]);
        foreach (var repeated in ApiKeys.GroupBy(k => k.Name).Where(g => g.Count() > 1))
            yield return new($"{Section}:ApiKeys: {repeated.Count()} keys are named '{repeated.Key}'; names tell callers apart on the audit trail.", [nameof(ApiKeys)]);
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
