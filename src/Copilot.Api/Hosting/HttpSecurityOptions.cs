using System.ComponentModel.DataAnnotations;

namespace Copilot.Api.Hosting;

/// <summary>Configuration section "HttpSecurity": transport and browser protections.</summary>
public sealed class HttpSecurityOptions
{
    public const string Section = "HttpSecurity";

    /// <summary>
    /// Outside Development, redirect HTTP to HTTPS and send HSTS. Turn off when TLS ends at a proxy in front of the
    /// service and the proxy sends HSTS itself.
    /// </summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>The port HTTP requests are redirected to, when the service cannot tell (e.g. a proxy's 443).</summary>
    [Range(1, 65535)]
    public int? HttpsPort { get; set; }

    [Range(1, 3650)]
    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>Origins whose pages may call the API from a browser (e.g. the CRM's web client); none by default.</summary>
    public List<string> CorsOrigins { get; set; } = [];

    /// <summary>The pages' policy: scripts and styles from the service's own files only, never framed.</summary>
    [Required]
    public string ContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
}
