using System.ComponentModel.DataAnnotations;

namespace Copilot.Api.Hosting;

/// <summary>
/// Configuration section "RateLimits": requests per caller (API key, else remote address) per window, and a stricter
/// budget for the endpoints that call the model (chat, completions, drafts). Probes are never limited.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests one caller may make per window, all endpoints together.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerWindow { get; set; } = 600;

    /// <summary>Of those, requests to model-backed endpoints (POST /v1/chat, /v1/chat/completions, /v1/drafts, revise).</summary>
    [Range(1, 1_000_000)]
    public int ModelPermitsPerWindow { get; set; } = 120;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;
}
