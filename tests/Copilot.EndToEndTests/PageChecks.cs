using Copilot.IntegrationTests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Copilot.EndToEndTests;

/// <summary>What every page test checks the same way: axe's serious and critical violations, and screenshots.</summary>
public static class PageChecks
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>axe-core over the page as it stands; serious and critical violations fail the test, named with their nodes.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
    }

    /// <summary>
    /// Saves a whole-page screenshot beside the test binaries, and into docs/screenshots when UPDATE_SCREENSHOTS=1 (the command in the README).
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory("screenshots");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", name), FullPage = true });
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            var docs = Path.Combine(TestPaths.RepositoryRoot, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            await File.WriteAllBytesAsync(Path.Combine(docs, name), bytes);
        }
    }

    /// <summary>Watches a page for script errors and CSP violations, which every page test asserts stay empty.</summary>
    public static List<string> WatchForErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("status of 4", StringComparison.Ordinal)) errors.Add(message.Text);
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }
}
