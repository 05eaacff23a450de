namespace Copilot.EndToEndTests;

/// <summary>
/// A test that needs Debian's Chromium. Without it the test is skipped with the reason — unless
/// REQUIRE_BROWSER=1 (set by CI, which installs Chromium), where a missing browser is a failure.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("REQUIRE_BROWSER") != "1")
            Skip = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium fonts-noto-cjk).";
    }
}
