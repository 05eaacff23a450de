using Xunit.Abstractions;

namespace Copilot.UnitTests.Compliance;

/// <summary>
/// The rules alone on the blind sets, beside the naive red-flag word list measured in the same run; prints the per-rule
/// table docs/benchmarks.md records. Both sets were measured once blind and then used to tune the lexicon, so both are
/// development data now; the headline for issue 9 is the third blind set, written by people who never saw this work.
/// </summary>
public sealed class BlindSetTests(ITestOutputHelper output)
{
    /// <summary>
    /// The test part: Data/blind-3, written and re-labelled by helpers who saw only the rules' titles, sources and languages, the
    /// firm's public facts and the labelling conventions; measured once after the second set's causes were fixed, not tuned
    /// on. Prints message ids only, so reading the output does not tune on it.
    /// </summary>
    [Fact]
    public async Task Rules_alone_on_the_third_blind_set_beside_the_naive_baseline()
    {
        var score = await MeasureAsync(LabelledMessages.ThirdBlind, printTexts: false);

        // Measured 2026-12-02 (docs/benchmarks.md): label recall 0.587 (250/426), false alarms 16/121 = 0.132, where the second set
        // said 0.991 and 0/93 after tuning on it: the lexicon's gains did not carry to unseen messages. The targets
        // (0.95, 0.05) are not met. A guard a little past what was measured, so a change that loses ground here fails.
        Assert.True(score.Recall >= 0.55, score.Summary());
        Assert.True(score.FalseAlarmRate <= 0.16, score.Summary());
    }

    /// <summary>
    /// Data/blind-2, written by a helper who saw only the rules' titles and sources: measured once blind (0.590, 13/93), then
    /// read miss by miss to fix the causes, so it is development data and its texts are printed.
    /// </summary>
    [Fact]
    public async Task Rules_alone_on_the_second_blind_set_beside_the_naive_baseline()
    {
        var score = await MeasureAsync(LabelledMessages.SecondBlind, printTexts: true);

        // 2026-12-02: 0.590 and 13/93 blind; 0.991 (227/229) and 0/93 after tuning on it (docs/benchmarks.md). The guard sits a
        // margin below the tuned level, so a change that loses ground here fails; it says nothing about unseen messages.
        Assert.True(score.Recall >= 0.96, score.Summary());
        Assert.True(score.FalseAlarmRate <= 0.03, score.Summary());
    }

    [Fact]
    public async Task Rules_alone_on_the_blind_set_beside_the_naive_baseline()
    {
        var score = await MeasureAsync(LabelledMessages.Blind, printTexts: true);

        // This set guided the concept lexicon (2026-12-02: 0.420 and 0.089 as first measured, 0.984 and 2/112 after tuning, 0.988
        // and 2/112 after the second set's causes were fixed),
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
