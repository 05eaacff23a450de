using Copilot.Chat;
using Copilot.Knowledge;
using Copilot.Knowledge.Chunking;

namespace Copilot.Drafting;

/// <summary>Research for a client message: client-audience, still valid, and never about a product above the client's risk class.</summary>
public sealed class DraftResearch(KnowledgeSearch search, TimeProvider time)
{
    public async Task<IReadOnlyList<SearchHit>> FindAsync(Scenario scenario, ClientPortrait client, int clientClass, CancellationToken ct)
    {
        var holdings = string.Join(' ', (client.Holdings ?? []).Select(h => h.Name ?? h.Code));
        var filter = new KnowledgeFilter(Audience: Audience.Client, ValidOn: DateOnly.FromDateTime(time.GetLocalNow().DateTime));
        var hits = await search.SearchAsync($"{scenario.ResearchQuery} {holdings}", 10, filter, ct);
        return hits.Where(hit => RiskLevels.Level(hit.Document.RiskLevel) is not int level || level <= clientClass).Take(3).ToList();
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

/// <summary>Risk classes C1–C5 and risk levels R1–R5 as numbers.</summary>
public static class RiskLevels
{
    public static int? Level(string? code) =>
        code is { Length: 2 } && (code[0] is 'R' or 'r' or 'C' or 'c') && code[1] is >= '1' and <= '5' ? code[1] - '0' : null;
}
