using Copilot.Leads;

namespace Copilot.UnitTests.Leads;

/// <summary>Lead ids read back to their kind and client; fingerprints ignore what drifts by itself and follow what changed.</summary>
public sealed class LeadScorerTests
{
    private static readonly DateOnly Since = new(2026, 11, 2);

    private static LeadReason Reason(string tag, params (string, object?)[] values) =>
        new(tag, tag, tag, values.ToDictionary(v => v.Item1, v => v.Item2), Since, true);

    [Theory]
    [InlineData("reactivate", "c-1001")]
    [InlineData("bring_in_assets", "客户/一号:带冒号")]
    public void A_lead_id_reads_back_to_its_kind_and_client(string kind, string client)
    {
        var id = LeadScorer.Id(kind, client);

        Assert.Matches("^ld_[A-Za-z0-9_-]+$", id);
        Assert.Equal((kind, client), LeadScorer.ParseId(id));
    }

    [Fact]
    public void The_id_of_the_longest_chinese_client_id_fits_its_column()
    {
        var id = LeadScorer.Id("bring_in_assets", new string('客', 64));

        Assert.InRange(id.Length, 250, 300);
        Assert.Equal(("bring_in_assets", new string('客', 64)), LeadScorer.ParseId(id));
    }

    [Theory]
    [InlineData("ld_")]
    [InlineData("ld_!!!")]
    [InlineData("xx_cmVhY3RpdmF0ZTpj")]
    [InlineData("ld_dXBzZWxsOmM")] // upsell:c — not a kind
    public void An_id_that_is_not_a_lead_is_none(string id) => Assert.Null(LeadScorer.ParseId(id));

    [Fact]
    public void The_fingerprint_ignores_days_passing_and_small_moves_but_not_a_changed_figure()
    {
        var first = LeadScorer.Fingerprint("reactivate", [Reason("dormant", ("daysSinceLogin", 120d)), Reason("high_cash", ("cashRatio", 0.6), ("idleCash", 181_000d))]);

        Assert.Equal(first, LeadScorer.Fingerprint("reactivate", [Reason("high_cash", ("cashRatio", 0.603), ("idleCash", 183_000d)), Reason("dormant", ("daysSinceLogin", 121d))]));
        Assert.NotEqual(first, LeadScorer.Fingerprint("reactivate", [Reason("dormant", ("daysSinceLogin", 121d)), Reason("high_cash", ("cashRatio", 0.85), ("idleCash", 181_000d))]));
        Assert.NotEqual(first, LeadScorer.Fingerprint("reactivate", [Reason("dormant", ("daysSinceLogin", 120d))]));
        Assert.NotEqual(first, LeadScorer.Fingerprint("recall", [Reason("dormant", ("daysSinceLogin", 120d)), Reason("high_cash", ("cashRatio", 0.6), ("idleCash", 181_000d))]));
    }
}
