using System.Globalization;
using System.Text;
using Copilot.Compliance;

namespace Copilot.UnitTests.Compliance;

/// <summary>
/// How the rules do on the labelled set. Recall is per label: each (message, rule id) the set expects counts as caught
/// when a finding with that rule id is reported. A clean message with any finding, block or warn, is a false alarm.
/// </summary>
internal sealed class LabelledSetScore
{
    private readonly Dictionary<string, (int Tp, int Fp, int Fn)> _perRule = new(StringComparer.Ordinal);

    public int Labels { get; private set; }
    public int LabelsCaught { get; private set; }
    public int Violating { get; private set; }
    public int ViolatingFullyCaught { get; private set; }
    public int Clean { get; private set; }
    public int CleanFlagged { get; private set; }
    public List<string> Misses { get; } = [];
    public List<string> FalseAlarms { get; } = [];
    public List<string> ExtraFindings { get; } = [];

    public double Recall => Labels == 0 ? 1 : (double)LabelsCaught / Labels;
    public double MessageRecall => Violating == 0 ? 1 : (double)ViolatingFullyCaught / Violating;
    public double FalseAlarmRate => Clean == 0 ? 0 : (double)CleanFlagged / Clean;

    public static async Task<LabelledSetScore> MeasureAsync(ComplianceChecker checker, IEnumerable<LabelledMessage> messages)
    {
        var score = new LabelledSetScore();
        foreach (var message in messages)
        {
            var result = await checker.CheckAsync(message.ToRequest(), CancellationToken.None);
            score.Add(message, result.Findings);
        }
        return score;
    }

    private void Add(LabelledMessage message, IReadOnlyList<ComplianceFinding> findings)
    {
        var found = findings.Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
        if (message.IsClean)
        {
            Clean++;
            if (found.Count > 0)
            {
                CleanFlagged++;
                FalseAlarms.Add($"{message.Id}: {Describe(message.Text, findings)}");
            }
        }
        else
        {
            Violating++;
            if (message.Expected.All(found.Contains)) ViolatingFullyCaught++;
        }
        foreach (var expected in message.Expected)
        {
            Labels++;
            var caught = found.Contains(expected);
            if (caught) LabelsCaught++;
            else Misses.Add($"{message.Id} missed {expected}: {message.Text}");
            Bump(expected, caught ? 1 : 0, 0, caught ? 0 : 1);
        }
        foreach (var extra in found.Where(id => !message.Expected.Contains(id)))
        {
            Bump(extra, 0, 1, 0);
            if (!message.IsClean) ExtraFindings.Add($"{message.Id} also {Describe(message.Text, findings.Where(f => f.RuleId == extra).ToList())}");
        }
    }

    private void Bump(string rule, int tp, int fp, int fn)
    {
        var (t, f, n) = _perRule.GetValueOrDefault(rule);
        _perRule[rule] = (t + tp, f + fp, n + fn);
    }

    private static string Describe(string text, IEnumerable<ComplianceFinding> findings) =>
        string.Join("; ", findings.Select(f => $"{f.RuleId} «{(f.End > f.Start ? text[f.Start..f.End] : "-")}»"));

    /// <summary>
    /// Message level, beside the naive red-flag word list in the same run: the share of violating and of clean messages
    /// each flags (the word list knows no rule ids, so label recall has no naive counterpart).
    /// </summary>
    public static async Task<string> BesideNaiveAsync(ComplianceChecker checker, IReadOnlyList<LabelledMessage> messages)
    {
        var flagged = new List<(bool Clean, bool Rules, bool Naive)>();
        foreach (var message in messages)
            flagged.Add((message.IsClean, (await checker.CheckAsync(message.ToRequest(), CancellationToken.None)).Findings.Count > 0, NaiveRedFlagWords.Flags(message.Text)));
        static string Share(IEnumerable<bool> flags, int of) => of == 0 ? "–" : (flags.Count(f => f) / (double)of).ToString("P1", CultureInfo.InvariantCulture);
        var (violating, clean) = (flagged.Where(f => !f.Clean).ToList(), flagged.Where(f => f.Clean).ToList());
        return "| detector | violating messages flagged | clean messages flagged |\n|---|---:|---:|\n" +
            $"| rules only | {Share(violating.Select(f => f.Rules), violating.Count)} | {Share(clean.Select(f => f.Rules), clean.Count)} |\n" +
            $"| naive red-flag words | {Share(violating.Select(f => f.Naive), violating.Count)} | {Share(clean.Select(f => f.Naive), clean.Count)} |\n";
    }

    /// <summary>A Markdown table of per-rule precision and recall, as written to docs/benchmarks.md.</summary>
    public string Table(IEnumerable<string> ruleIds)
    {
        static string Pct(int num, int den) => den == 0 ? "–" : ((double)num / den).ToString("0.00", CultureInfo.InvariantCulture);
        var table = new StringBuilder("| rule | labelled | caught | extra | precision | recall |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var rule in ruleIds)
        {
            var (tp, fp, fn) = _perRule.GetValueOrDefault(rule);
            table.Append($"| {rule} | {tp + fn} | {tp} | {fp} | {Pct(tp, tp + fp)} | {Pct(tp, tp + fn)} |\n");
        }
        return table.ToString();
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"labels {LabelsCaught}/{Labels} recall {Recall:0.000}; violating messages fully caught {ViolatingFullyCaught}/{Violating} ({MessageRecall:0.000}); " +
        $"clean flagged {CleanFlagged}/{Clean} false-alarm rate {FalseAlarmRate:0.000}");
}
