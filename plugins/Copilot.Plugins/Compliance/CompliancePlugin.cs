using System.ComponentModel;
using Copilot.Clients;
using Copilot.Compliance;
using Microsoft.SemanticKernel;

namespace Copilot.Plugins.Compliance;

/// <summary>Pre-checks a message the advisor wrote themselves; with one of their clients named, suitability too.</summary>
public sealed class CompliancePlugin(ComplianceChecker checker, ProductCatalog catalog, ClientDirectory clients, string advisorId)
{
    [KernelFunction("check_compliance")]
    [Description("Check a client message for compliance problems (promised returns, missing risk warning, advisor identity, ...). "
        + "Name the client to also check the products the text mentions against the client's risk class and horizon. Returns a verdict and findings.")]
    public async Task<ComplianceResult> CheckAsync(
        [Description("The message text exactly as it would be sent")] string text,
        [Description("The client it is for, by id (or name when only one client has it), as lookup_client knows them; omit if none")] string? client = null,
        CancellationToken ct = default)
    {
        var profile = client is null ? null : await clients.MatchAsync(advisorId, client.Trim(), ct) is [var one]
            ? one.ToProfile()
            : null;
        return await checker.CheckAsync(await catalog.WithNamedProductsAsync(new ComplianceCheckRequest(text, Client: profile), ct), ct);
    }
}
