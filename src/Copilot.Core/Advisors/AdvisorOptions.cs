namespace Copilot.Advisors;

/// <summary>Configuration section "Advisors": advisor records seeded at start (PUT /v1/advisors/{id} upserts more).</summary>
public sealed class AdvisorOptions
{
    public const string Section = "Advisors";

    public List<AdvisorSeed> Seed { get; set; } = [];
}

/// <summary>One advisor as configured.</summary>
public sealed class AdvisorSeed
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string RegistrationNumber { get; set; } = "";
    public string? Branch { get; set; }
    public string Firm { get; set; } = "";
}
