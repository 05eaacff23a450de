using Copilot.Clients;
using Copilot.Chat;
using Copilot.Common;
using Copilot.Compliance;
using Copilot.Knowledge;
using Copilot.Knowledge.Chunking;

namespace Copilot.Drafting;

/// <summary>
/// Research for a client message: client-audience, still valid, and never about a product above the client's risk
/// class — judged on the document's own risk level and on every catalogued product the passage (or, when the passage
/// names none, its document) is about.
/// </summary>
public sealed class DraftResearch(KnowledgeSearch search, ProductCatalog catalog, TimeProvider time)
{
    public async Task<IReadOnlyList<SearchHit>> FindAsync(Scenario scenario, ClientPortrait client, int clientClass, CancellationToken ct)
    {
        var holdings = string.Join(' ', (client.Holdings ?? []).Select(h => h.Name ?? h.Code));
        var filter = new KnowledgeFilter(Audience: Audience.Client, ValidOn: DateOnly.FromDateTime(time.GetLocalNow().DateTime));
        var hits = await search.SearchAsync($"{scenario.ResearchQuery} {holdings}", 10, filter, ct);
        var products = await catalog.ProductsAsync(ct);
        return hits.Where(hit => RiskOf(hit, products) <= clientClass).Take(3).ToList();
    }

    /// <summary>The highest risk level a passage speaks of (0 when it speaks of no product).</summary>
    public static int RiskOf(SearchHit hit, IReadOnlyList<ProductRef> products)
    {
        var named = ProductCatalog.Mentioned(hit.Chunk.Text, products).ToList();
        if (named.Count == 0)
            named = products.Where(p => hit.Document.ProductCodes.Contains(p.Code, StringComparer.OrdinalIgnoreCase)).ToList();
        return named.Select(p => RiskLevels.Level(p.RiskLevel) ?? 0).Append(RiskLevels.Level(hit.Document.RiskLevel) ?? 0).Max();
    }

    /// <summary>One attributed research sentence for template mode ("据…发布的《…》，…"), or empty when none fits.</summary>
    public static (string Sentence, IReadOnlyList<Citation> Citations) Attributed(IReadOnlyList<SearchHit> hits, bool chinese)
    {
        foreach (var (hit, index) in hits.Select((h, i) => (h, i)))
        {
            if (hit.Document.Type != DocumentType.Research || hit.Document.Publisher is null || hit.Document.Published is null) continue;
            var sentence = SentenceSplitter.Split(hit.Chunk.Text)
                .FirstOrDefault(s => s.Length is >= 12 and <= 90 && !s.StartsWith('|') && !s.StartsWith('#') && !s.StartsWith('-'));
            if (sentence is null) continue;
            var date = hit.Document.Published.Value;
            var text = chinese
                ? $"据{hit.Document.Publisher}{date.Year}年{date.Month}月{date.Day}日发布的《{hit.Document.Title}》，{sentence.TrimEnd('。')}。"
                : $"According to \"{hit.Document.Title}\" by {hit.Document.Publisher} ({date:yyyy-MM-dd}): {sentence}";
            return (text, [PassageFormatter.ToCitation(1, hits[index])]);
        }
        return ("", []);
    }
}
