using System.Globalization;

namespace Copilot.Llm;

/// <summary>Reads an HTTP Retry-After value: delay-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2026 07:28:00 GMT").</summary>
public static class RetryAfter
{
    /// <returns>The wait from <paramref name="now"/>, never negative; null when the value is neither form.</returns>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(1).TotalSeconds));
        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date))
            return date <= now ? TimeSpan.Zero : date - now;
        return null;
    }
}
