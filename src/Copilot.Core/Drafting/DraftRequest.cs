using Copilot.Clients;

namespace Copilot.Drafting;

/// <summary>Ask for a message to one client: who writes, to whom (a stored client by id, or its portrait), about what, through which channel.</summary>
public sealed record DraftRequest(
    string? AdvisorId, ClientPortrait? Client, DraftScenario? Scenario, string? Channel, IReadOnlyList<PitchedProduct>? Products);

/// <summary>Why the message is written: a kind of the content matrix and its scenario code, with the advisor's notes.</summary>
public sealed record DraftScenario(string? Kind, string? Code, string? Notes);

/// <summary>A product the message may mention or recommend.</summary>
public sealed record PitchedProduct(string? Code, string? RiskLevel, int? LockupMonths)
{
    /// <summary>The product as the suitability rules see it; only for products the request validator accepted.</summary>
    public Compliance.ProductRef ToProductRef() => new(Code!, RiskLevel!, LockupMonths);
}
