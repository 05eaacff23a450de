using Microsoft.Playwright;

namespace Copilot.EndToEndTests;

/// <summary>Under the service's Content-Security-Policy the pages and the Scalar reference still work, and Chromium reports no violation.</summary>
public sealed class ContentSecurityPolicyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [BrowserFact]
    public async Task The_chat_and_review_pages_run_without_a_policy_violation()
    {
        foreach (var path in new[] { "", "review", "review.html" })
        {
            var (page, violations) = await OpenAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.True(await page.IsVisibleAsync("body"));
            Assert.Empty(violations);
        }
    }

    [BrowserFact]
    public async Task The_scalar_reference_renders_the_api_under_its_own_policy()
    {
        var (page, violations) = await OpenAsync("scalar");

        await page.GetByText("/v1/chat/completions").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Empty(violations);
    }

    private async Task<(IPage Page, List<string> Violations)> OpenAsync(string path)
    {
        var page = await session.Browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };
        page.PageError += (_, error) => violations.Add(error);
        var response = await page.GotoAsync(new Uri(session.BaseAddress, path).ToString());
        Assert.True(response?.Ok, $"{path}: {response?.Status}");
        Assert.Contains("frame-ancestors 'none'", (await response!.AllHeadersAsync())["content-security-policy"]);
        return (page, violations);
    }
}
