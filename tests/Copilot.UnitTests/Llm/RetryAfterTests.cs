using Copilot.Llm;

namespace Copilot.UnitTests.Llm;

/// <summary>Retry-After in both of its HTTP forms, as a model's 429 or 503 sends it.</summary>
public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData(" 120 ", 120)]
    [InlineData("Tue, 01 Dec 2026 08:00:30 GMT", 30)]
    [InlineData("Tue, 01 Dec 2026 07:59:00 GMT", 0)]
    public void Reads_seconds_and_HTTP_dates(string value, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfter.Parse(value, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public void Anything_else_is_no_wait_at_all(string? value) => Assert.Null(RetryAfter.Parse(value, Now));

    [Fact]
    public void An_absurd_number_of_seconds_is_held_to_a_day() =>
        Assert.Equal(TimeSpan.FromDays(1), RetryAfter.Parse("99999999999", Now));
}
