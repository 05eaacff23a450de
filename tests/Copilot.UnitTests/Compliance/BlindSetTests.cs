using Xunit.Abstractions;

namespace Copilot.UnitTests.Compliance;

/// <summary>
/// The rules alone on the blind test set (Data/blind/compliance-blind.json, see PROVENANCE.md), beside the naive red-flag
/// word list measured in the same run. Prints the per-rule table docs/benchmarks.md records.
/// </summary>
public sealed class BlindSetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Rules_alone_on_the_blind_set_beside_the_naive_baseline()
    {
        var messages = LabelledMessages.Blind;
        Assert.True(messages.Count >= 200, $"{messages.Count} messages");
        var known = ComplianceTestRules.Rules.Rules.Select(r => r.Id).ToHashSet();
        Assert.All(messages.SelectMany(m => m.Expected), id => Assert.Contains(id, known));

        var score = await LabelledSetScore.MeasureAsync(ComplianceTestRules.RulesOnly, messages);
        var flaggedByRules = new List<bool>();
        foreach (var message in messages)
            flaggedByRules.Add((await ComplianceTestRules.RulesOnly.CheckAsync(message.ToRequest(), CancellationToken.None)).Findings.Count > 0);
        var violating = messages.Select((m, i) => (m, i)).Where(x => !x.m.IsClean).ToList();
        var clean = messages.Select((m, i) => (m, i)).Where(x => x.m.IsClean).ToList();
        double Share(IEnumerable<bool> flags, int of) => of == 0 ? 0 : flags.Count(f => f) / (double)of;

        output.WriteLine(score.Summary());
        output.WriteLine("");
        output.WriteLine("| detector | violating messages flagged | clean messages flagged |");
        output.WriteLine("|---|---:|---:|");
        output.WriteLine($"| rules only | {Share(violating.Select(x => flaggedByRules[x.i]), violating.Count):P1} | {Share(clean.Select(x => flaggedByRules[x.i]), clean.Count):P1} |");
        output.WriteLine($"| naive red-flag words | {Share(violating.Select(x => NaiveRedFlagWords.Flags(x.m.Text)), violating.Count):P1} | {Share(clean.Select(x => NaiveRedFlagWords.Flags(x.m.Text)), clean.Count):P1} |");
        output.WriteLine("");
        output.WriteLine(score.Table(ComplianceTestRules.Rules.Rules.Select(r => r.Id)));
        foreach (var line in score.Misses) output.WriteLine("MISS " + line);
        foreach (var line in score.FalseAlarms) output.WriteLine("FALSE ALARM " + line);
        foreach (var line in score.ExtraFindings) output.WriteLine("EXTRA " + line);

        // A guard at the level first measured (2026-12-02, before any change it could guide); the targets are 0.95 and 0.05.
        Assert.True(score.Recall >= 0.40, score.Summary());
        Assert.True(score.FalseAlarmRate <= 0.10, score.Summary());
    }
}
