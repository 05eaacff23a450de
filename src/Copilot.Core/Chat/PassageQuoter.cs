using System.Text;
using System.Text.RegularExpressions;
using Copilot.Knowledge.Chunking;

namespace Copilot.Chat;

/// <summary>
/// Template mode's quote of a passage: the sentences and table rows that bear on the question, in the passage's order,
/// not its first 160 characters. A table row is quoted under its table's header, as a Markdown table, so the page renders
/// it as a table and a reader sees which column is which. A passage sharing nothing with the question falls back to its start.
/// </summary>
public static partial class PassageQuoter
{
    /// <summary>Characters a quote aims to stay within; one long matching sentence may exceed it rather than be cut.</summary>
    public const int Budget = 320;

    private const int MaxUnits = 4;

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"[\u3400-\u9fff]+|[A-Za-z0-9]+")]
    private static partial Regex Runs();

    public static string Quote(string question, string passage)
    {
        var units = Units(passage);
        var wanted = Terms(question);
        if (units.Count == 0 || wanted.Count == 0) return PassageFormatter.Snippet(passage);

        // A term in every unit (客户 in a customer FAQ) tells the units apart less than one in a single row (C2).
        // A row means what its header says of it: "C2（谨慎型） | R1、R2" under "客户等级 | 可购买的产品风险等级".
        var unitTerms = units.Select(u => u.TableHeader is { } header ? [.. Terms(u.Text), .. Terms(header)] : Terms(u.Text)).ToList();
        double Weight(string term) => Math.Log(1 + units.Count / (double)Math.Max(1, unitTerms.Count(t => t.Contains(term))));
        var scored = units.Select((unit, i) => (unit, i, score: wanted.Where(unitTerms[i].Contains).Sum(t => Weight(t) * (IsCjk(t) ? 1 : 2))))
            .ToList();
        var best = scored.Max(s => s.score);
        if (best <= 0) return PassageFormatter.Snippet(passage);

        var chosen = new List<int>();
        var length = 0;
        foreach (var (unit, i, score) in scored.Where(s => s.score >= best / 2).OrderByDescending(s => s.score).ThenBy(s => s.i))
        {
            if (chosen.Count == MaxUnits || (chosen.Count > 0 && length + unit.Text.Length > Budget)) break;
            chosen.Add(i);
            length += unit.Text.Length;
        }
        return Render(units, chosen.Order().ToList());
    }

    // Sentences of prose lines, and each row of a Markdown table with the header it sits under.
    private static List<Unit> Units(string passage)
    {
        var units = new List<Unit>();
        string? header = null;
        var lines = passage.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('|'))
            {
                if (TableSeparator().IsMatch(line)) continue;
                // The first row of a table is its header when a separator row follows it.
                if (i + 1 < lines.Length && TableSeparator().IsMatch(lines[i + 1])) { header = line; continue; }
                units.Add(new Unit(line, header));
                continue;
            }
            header = null;
            units.AddRange(SentenceSplitter.Split(line).Select(sentence => new Unit(sentence, null)));
        }
        return units;
    }

    private static string Render(List<Unit> units, List<int> chosen)
    {
        var quote = new StringBuilder();
        string? openTable = null;
        foreach (var i in chosen)
        {
            var unit = units[i];
            if (unit.TableHeader is { } header)
            {
                if (openTable != header)
                {
                    if (quote.Length > 0) quote.Append("\n\n");
                    quote.Append(header).Append('\n').Append(Separator(header));
                    openTable = header;
                }
                quote.Append('\n').Append(unit.Text);
                continue;
            }
            if (openTable is not null) { quote.Append("\n\n"); openTable = null; }
            else if (quote.Length > 0) quote.Append(' ');
            quote.Append(unit.Text);
        }
        return quote.ToString();
    }

    private static string Separator(string header) =>
        "|" + string.Concat(Enumerable.Repeat(" --- |", Math.Max(1, header.Trim('|').Split('|').Length)));

    // Character pairs of Chinese runs (a lone character as itself) and lower-cased words of letters and digits.
    private static HashSet<string> Terms(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match run in Runs().Matches(text.Normalize(NormalizationForm.FormKC)))
        {
            var value = run.Value.ToLowerInvariant();
            if (!IsCjk(value) || value.Length == 1) { terms.Add(value); continue; }
            for (var i = 0; i + 1 < value.Length; i++) terms.Add(value.Substring(i, 2));
        }
        return terms;
    }

    private static bool IsCjk(string term) => term.Length > 0 && term[0] is >= '\u3400' and <= '\u9fff';

    private sealed record Unit(string Text, string? TableHeader);
}
