namespace Copilot.Advisors;

/// <summary>An investment advisor: who signs client messages, with the registration number regulators require.</summary>
public sealed class Advisor
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    /// <summary>执业编号, e.g. S0000000000000.</summary>
    public required string RegistrationNumber { get; set; }
    public string? Branch { get; set; }
    public required string Firm { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
