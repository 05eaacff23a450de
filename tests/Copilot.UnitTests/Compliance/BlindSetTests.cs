using Xunit.Abstractions;

namespace Copilot.UnitTests.Compliance;

/// <summary>
/// The rules alone on the blind sets, beside the naive red-flag word list measured in the same run; prints the per-rule
/// table docs/benchmarks.md records. Data/blind-2 is the test part; Data/blind, the first blind set, was measured once blind
/// and then used to tune the lexicon, so it is development data now.
/// </summary>
public sealed class BlindSetTests(ITestOutputHelper output)
{
    /// <summary>
    /// The test part: Data/blind-2, written by a helper who saw only the rules' titles and sources, measured once after the
    /// concept lexicon was built and not tuned on. Prints message ids only, so reading the output does not tune on it.
    /// </summary>
    [Fact]
    public async Task Rules_alone_on_the_second_blind_set_beside_the_naive_baseline()
    {
        var score = await MeasureAsync(LabelledMessages.SecondBlind, printTexts: false);

        // Measured 2026-12-02: label recall 0.590, false alarms 13/93 = 0.140 (docs/benchmarks.md); the targets (0.95,
        // 0.05) are not met. A guard a little past what was measured, so a change that loses ground on unseen messages fails.
        Assert.True(score.Recall >= 0.55, score.Summary());
        Assert.True(score.FalseAlarmRate <= 0.16, score.Summary());
    }

    [Fact]
    public async Task Rules_alone_on_the_blind_set_beside_the_naive_baseline()
    {
        var score = await MeasureAsync(LabelledMessages.Blind, printTexts: true);

        // This set guided the concept lexicon (2026-12-02: 0.420 and 0.089 as first measured, 0.984 and 2/112 after tuning),
        // so it is development data now and the guard sits a little below the tuned level. The targets (0.95, 0.05)
        // are for a fresh blind set nobody tuned on.
        Assert.True(score.Recall >= 0.95, score.Summary());
        Assert.True(score.FalseAlarmRate <= 0.04, score.Summary());
    }

    private async Task<LabelledSetScore> MeasureAsync(IReadOnlyList<LabelledMessage> messages, bool printTexts)
    {
        Assert.True(messages.Count >= 200, $"{messages.Count} messages");
        var known = ComplianceTestRules.Rules.Rules.Select(r => r.Id).ToHashSet();
        Assert.All(messages.SelectMany(m => m.Expected), id => Assert.Contains(id, known));

        var score = await LabelledSetScore.MeasureAsync(ComplianceTestRules.RulesOnly, messages);
        output.WriteLine(score.Summary());
        output.WriteLine("");
        output.WriteLine(await LabelledSetScore.BesideNaiveAsync(ComplianceTestRules.RulesOnly, messages));
        output.WriteLine(score.Table(ComplianceTestRules.Rules.Rules.Select(r => r.Id)));
        // A message's text would let a reader tune on a test set: the ids say which to look up once it is development data.
        string Shown(string line) => printTexts ? line : line.Split(':')[0];
        foreach (var line in score.Misses) output.WriteLine("MISS " + Shown(line));
        foreach (var line in score.FalseAlarms) output.WriteLine("FALSE ALARM " + Shown(line));
        if (printTexts) foreach (var line in score.ExtraFindings) output.WriteLine("EXTRA " + line);
        return score;
    }
}
