using Copilot.Compliance;

namespace Copilot.Drafting;

/// <summary>Runs the compliance pre-check on a composed message with the client and products of its request.</summary>
public sealed class DraftPrecheck(ComplianceChecker checker)
{
    public Task<ComplianceResult> CheckAsync(ValidDraftRequest request, string text, CancellationToken ct) =>
        checker.CheckAsync(new ComplianceCheckRequest(
            text,
            request.Chinese ? "zh" : "en",
            request.Channel.Channel,
            new ClientProfile(request.Client.RiskClass!, request.Client.HorizonMonths),
            request.Products.Select(p => new ProductRef(p.Code!, p.RiskLevel!, p.LockupMonths)).ToList()), ct);
}
