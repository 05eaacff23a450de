using Copilot.Compliance;

namespace Copilot.Drafting;

/// <summary>
/// Runs the compliance pre-check on a client message with its client and products: those the request listed, and
/// any product of the catalog the text names, so a fund the model brought up is judged against the client too.
/// </summary>
public sealed class DraftPrecheck(ComplianceChecker checker, ProductCatalog catalog)
{
    public Task<ComplianceResult> CheckAsync(ValidDraftRequest request, string text, CancellationToken ct) =>
        CheckAsync(text, request.Chinese, request.Channel.Channel, request.Client.ToProfile(),
            request.Products.Select(p => p.ToProductRef()).ToList(), ct);

    public async Task<ComplianceResult> CheckAsync(
        string text, bool chinese, string channel, ClientProfile client, IReadOnlyList<ProductRef> declared, CancellationToken ct) =>
        await checker.CheckAsync(await catalog.WithNamedProductsAsync(
            new ComplianceCheckRequest(text, chinese ? "zh" : "en", channel, client, declared), ct), ct);
}
