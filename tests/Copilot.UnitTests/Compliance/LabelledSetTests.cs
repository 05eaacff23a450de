using Xunit.Abstractions;

namespace Copilot.UnitTests.Compliance;

/// <summary>
/// The rules alone on the labelled advisor messages: per-label recall at least 0.95 on violations and a false-alarm rate
/// of at most 0.05 on clean messages. Prints the per-rule table that docs/benchmarks.md records.
/// </summary>
public sealed class LabelledSetTests(ITestOutputHelper output)
{
    [Fact]
    public void The_set_is_large_and_mixed_enough_to_mean_something()
    {
        var messages = LabelledMessages.All;

        Assert.True(messages.Count >= 180, $"{messages.Count} messages");
        Assert.True(messages.Count(m => m.Language == "en") >= 40);
        Assert.True(messages.Count(m => m.IsClean) >= 80);
        Assert.Equal(messages.Count, messages.Select(m => m.Id).Distinct().Count());
        var known = ComplianceTestRules.Rules.Rules.Select(r => r.Id).ToHashSet();
        Assert.All(messages.SelectMany(m => m.Expected), id => Assert.Contains(id, known));
        Assert.All(known, id => Assert.Contains(messages, m => m.Expected.Contains(id)));
    }

    [Fact]
    public async Task Rules_alone_catch_95_percent_of_violations_with_at_most_5_percent_false_alarms()
    {
        var score = await LabelledSetScore.MeasureAsync(ComplianceTestRules.RulesOnly, LabelledMessages.All);

        output.WriteLine(score.Summary());
        output.WriteLine("");
        output.WriteLine(await LabelledSetScore.BesideNaiveAsync(ComplianceTestRules.RulesOnly, LabelledMessages.All));
        output.WriteLine(score.Table(ComplianceTestRules.Rules.Rules.Select(r => r.Id)));
        foreach (var line in score.Misses) output.WriteLine("MISS " + line);
        foreach (var line in score.FalseAlarms) output.WriteLine("FALSE ALARM " + line);
        foreach (var line in score.ExtraFindings) output.WriteLine("EXTRA " + line);

        Assert.True(score.Recall >= 0.95, score.Summary());
        Assert.True(score.FalseAlarmRate <= 0.05, score.Summary());
    }

    [Fact]
    public async Task On_held_out_messages_the_rules_were_not_tuned_on_they_still_catch_most_with_few_false_alarms()
    {
        var score = await LabelledSetScore.MeasureAsync(ComplianceTestRules.RulesOnly, LabelledMessages.HeldOut);

        output.WriteLine(score.Summary());
        output.WriteLine(await LabelledSetScore.BesideNaiveAsync(ComplianceTestRules.RulesOnly, LabelledMessages.HeldOut));
        foreach (var line in score.Misses) output.WriteLine("MISS " + line);
        foreach (var line in score.FalseAlarms) output.WriteLine("FALSE ALARM " + line);
        foreach (var line in score.ExtraFindings) output.WriteLine("EXTRA " + line);

        // A guard against regressions, looser than the main targets: this set measures how the rules generalise.
        Assert.True(score.Recall >= 0.80, score.Summary());
        Assert.True(score.FalseAlarmRate <= 0.10, score.Summary());
    }
}
