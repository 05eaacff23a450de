using System.Text.Json;
using System.Text.RegularExpressions;
using Copilot.Common;
using Copilot.Knowledge;

namespace Copilot.Compliance;

/// <summary>
/// The firm's products as its product documents describe them (code, risk level, lock-up), so suitability is judged
/// on every product a message or a passage names, not only on those a request happens to list.
/// </summary>
public sealed class ProductCatalog(KnowledgeCatalog catalog)
{
    /// <summary>Every product with a known risk level; a code described twice keeps its higher level.</summary>
    public async Task<IReadOnlyList<ProductRef>> ProductsAsync(CancellationToken ct)
    {
        var documents = await catalog.ListAsync(DocumentType.Product, ct);
        return documents
            .Select(d => JsonSerializer.Deserialize<DocumentMetadata>(d.MetadataJson, CopilotJson.Options)!)
            .Where(m => RiskLevels.Level(m.RiskLevel) is not null)
            .SelectMany(m => m.ProductCodes.Select(code => new ProductRef(code, m.RiskLevel!, m.LockupMonths)))
            .GroupBy(p => p.Code, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.MaxBy(p => RiskLevels.Level(p.RiskLevel))!)
            .ToList();
    }

    /// <summary>The request with its products, plus the catalog's products its text names that it did not list.</summary>
    public async Task<ComplianceCheckRequest> WithNamedProductsAsync(ComplianceCheckRequest request, CancellationToken ct)
    {
        if (request.Text is not { } text) return request;
        var declared = request.Products ?? [];
        var named = Mentioned(text, await ProductsAsync(ct))
            .Where(p => !declared.Any(d => string.Equals(d.Code, p.Code, StringComparison.OrdinalIgnoreCase)));
        return request with { Products = [.. declared, .. named] };
    }

    /// <summary>The products whose code appears in the text as a whole token (ES4001, not XES40012; ＥＳ４００１ too).</summary>
    public static IEnumerable<ProductRef> Mentioned(string text, IEnumerable<ProductRef> products)
    {
        // Full-width letters and digits are the same code to a reader, so they are to suitability too.
        var folded = text.Normalize(System.Text.NormalizationForm.FormKC);
        return products.Where(p => Regex.IsMatch(folded, $"(?<![A-Za-z0-9]){Regex.Escape(p.Code)}(?![A-Za-z0-9])", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)));
    }
}
