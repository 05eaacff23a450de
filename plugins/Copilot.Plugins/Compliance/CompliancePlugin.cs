using System.ComponentModel;
using Copilot.Compliance;
using Microsoft.SemanticKernel;

namespace Copilot.Plugins.Compliance;

/// <summary>Pre-checks a message the advisor wrote themselves against the compliance rules.</summary>
public sealed class CompliancePlugin(ComplianceChecker checker)
{
    [KernelFunction("check_compliance")]
    [Description("Check a client message for compliance problems (promised returns, missing risk warning, advisor identity, ...). Returns a verdict and findings.")]
    public Task<ComplianceResult> CheckAsync(
        [Description("The message text exactly as it would be sent")] string text, CancellationToken ct = default) =>
        checker.CheckAsync(new ComplianceCheckRequest(text), ct);
}
