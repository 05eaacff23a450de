using System.Text.RegularExpressions;
using Copilot.Knowledge;

namespace Copilot.Chat;

/// <summary>Finds which numbered passages a model's answer cites ([1], [2][3], 【1】).</summary>
public static partial class CitationExtractor
{
    [GeneratedRegex(@"[\[【](\d{1,2})[\]】]")]
    private static partial Regex Marker();

    public static IReadOnlyList<Citation> Extract(string answer, IReadOnlyList<SearchHit> hits) =>
        Marker().Matches(answer)
            .Select(m => int.Parse(m.Groups[1].Value))
            .Where(n => n >= 1 && n <= hits.Count)
            .Distinct()
            .Order()
            .Select(n => PassageFormatter.ToCitation(n, hits[n - 1]))
            .ToList();
}
