using System.Security.Claims;
using Copilot.Common;

namespace Copilot.Api.Auth;

/// <summary>
/// The authenticated caller, read from the request's principal, whether an API key (configured or stored) or a single
/// sign-on token recognised it. <see cref="Name"/> is unique per key or person across both: a key's name (keys' names are
/// unique across configuration and the store, revoked ones included, and never start "sso:"), or "sso:" and the token's
/// name claim. An advisor's key acts for one advisor only; the CRM and admins act for whichever advisor the request names;
/// compliance and content staff act for no advisor. With authentication off the caller is the local admin.
/// </summary>
public sealed record Caller(string Name, CallerRole Role, string? AdvisorId, bool IsLocal)
{
    public const string RoleClaim = ClaimTypes.Role;
    public const string AdvisorClaim = "advisor_id";

    /// <summary>How the caller was recognised: "api-key", "jwt" (single sign-on), or "off" (authentication off: the local admin).</summary>
    public string Authentication { get; init; } = "api-key";

    /// <summary>Lets endpoints take a <see cref="Caller"/> parameter.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(From(context.User));

    public static Caller From(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "anonymous",
        // Every bound caller was authenticated (the local admin when keys are off); no role must never mean admin.
        Enum.Parse<CallerRole>(user.FindFirstValue(RoleClaim) ?? throw new InvalidOperationException("The request has no authenticated caller.")),
        user.FindFirstValue(AdvisorClaim),
        user.Identity?.AuthenticationType == ApiKeyAuthentication.LocalType)
    {
        Authentication = user.Identity?.AuthenticationType switch
        {
            ApiKeyAuthentication.LocalType => "off",
            SingleSignOn.AuthenticationType => "jwt",
            _ => "api-key",
        },
    };

    /// <summary>
    /// The advisor a request acts for. An advisor's key acts for itself whatever it sent, and another advisor's id is
    /// refused naming <paramref name="field"/>; the CRM and admins act for the advisor they name; other roles for none.
    /// </summary>
    public string? ActFor(string? requested, string field) => Role switch
    {
        CallerRole.Advisor when requested is null || requested == AdvisorId => AdvisorId,
        CallerRole.Advisor => throw new ForbiddenException(field, $"This key acts for advisor '{AdvisorId}' only."),
        CallerRole.Crm or CallerRole.Admin => requested,
        _ when requested is null => null,
        _ => throw new ForbiddenException(field, $"A {Role} key does not act for advisors."),
    };

    /// <summary>Whether the caller may see a record that belongs to <paramref name="advisorId"/> (null: to no advisor).</summary>
    public bool CanSee(string? advisorId) => Role switch
    {
        CallerRole.Advisor => advisorId == AdvisorId,
        CallerRole.Crm or CallerRole.Admin or CallerRole.Compliance => true,
        _ => advisorId is null,
    };

    /// <summary>
    /// Who acts, for the audit trail, when a request names only the advisor it is for: the key's holder, never the advisor
    /// it names; with authentication off (one person on their own machine) that advisor, as the person at the keyboard says.
    /// </summary>
    public string AuthorFor(string? advisorId) => IsLocal ? advisorId ?? Name : Name;

    /// <summary>Who acts, for the audit trail: the key's name, or with authentication off whoever the request says.</summary>
    public string Actor(string? claimed, string field)
    {
        if (IsLocal) return claimed ?? "";
        if (string.IsNullOrWhiteSpace(claimed) || claimed == Name) return Name;
        throw new ForbiddenException(field, $"This key is '{Name}'; it cannot act as '{claimed}'.");
    }
}
