using Copilot.Campaigns.Jobs;

namespace Copilot.UnitTests.Campaigns;

/// <summary>A retry's time is rounded up to the second Hangfire keeps, so the model's Retry-After is never cut short.</summary>
public sealed class RetryScheduleTests
{
    [Theory]
    [InlineData("2026-12-02T12:00:02.9000000Z", "2026-12-02T12:00:03Z")]
    [InlineData("2026-12-02T12:00:02.0000001Z", "2026-12-02T12:00:03Z")]
    [InlineData("2026-12-02T12:00:03.0000000Z", "2026-12-02T12:00:03Z")]
    [InlineData("2026-12-02T23:59:59.5000000Z", "2026-12-03T00:00:00Z")]
    public void A_retry_time_is_rounded_up_to_a_whole_second(string asked, string scheduled)
    {
        var result = CampaignJobQueue.NotBefore(DateTime.Parse(asked, null, System.Globalization.DateTimeStyles.AdjustToUniversal));

        Assert.Equal(DateTime.Parse(scheduled, null, System.Globalization.DateTimeStyles.AdjustToUniversal), result);
        Assert.Equal(DateTimeKind.Utc, result.Kind);
    }
}
