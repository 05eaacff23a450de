using Copilot.IntegrationTests.Infrastructure;
using Copilot.IntegrationTests.Outcomes;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Copilot.EndToEndTests;

/// <summary>
/// The dashboard page at /dashboard in Chromium on the hand-computed firm of <see cref="OutcomeData"/>: the figures it
/// shows come from the API, its charts draw, it switches to English from the keyboard, axe finds nothing serious, and it
/// fits 1280×800 and a 390-pixel phone — under the service's CSP.
/// </summary>
public sealed class DashboardPageTests(DashboardPageTests.Session session) : IClassFixture<DashboardPageTests.Session>
{
    /// <summary>The browser session with the small firm seeded once.</summary>
    public sealed class Session : BrowserSession, IAsyncLifetime
    {
        public OutcomeData Data { get; } = new("page");

        public new async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await Data.SeedAsync(Factory.CreateClient(), Factory);
        }
    }

    private string Url(string level, string? id) =>
        new Uri(session.BaseAddress, $"/dashboard?level={level}&from={OutcomeData.C.AddDays(-1):yyyy-MM-dd}&to={OutcomeData.Today:yyyy-MM-dd}"
            + (id is null ? "" : $"&id={Uri.EscapeDataString(id)}")).ToString();

    private async Task<(IPage Page, List<string> Errors)> OpenAsync(int width, int height, string level, string? id)
    {
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add($"{message.Text} ({message.Location})"); };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(Url(level, id));
        await page.Locator("body[data-loaded=true]").WaitForAsync();
        return (page, errors);
    }

    private static Task<string> KpiAsync(IPage page, string key) => page.InnerTextAsync($"#kpis [data-kpi={key}] dd");

    [BrowserFact]
    public async Task The_firm_figures_come_from_the_api_and_the_charts_draw_at_desktop_width()
    {
        var (page, errors) = await OpenAsync(1280, 800, "firm", session.Data.Firm);

        // The firm's totals as worked out by hand in DashboardFigureTests.
        Assert.Equal("5", await KpiAsync(page, "clientsServed"));
        Assert.Equal("6", await KpiAsync(page, "contacts"));
        Assert.Equal("2", await KpiAsync(page, "reactivated"));
        Assert.Equal("65,000", await KpiAsync(page, "assetsBroughtIn"));
        Assert.Equal("2", await KpiAsync(page, "recalled"));
        Assert.Equal("33.3%", await KpiAsync(page, "blockRate"));
        Assert.Equal("15", await KpiAsync(page, "medianReview"));
        foreach (var chart in new[] { "funnel-chart", "drafts-chart", "served-chart", "campaign-chart" })
        {
            var canvas = page.Locator($"#{chart} canvas");
            Assert.Equal(1, await canvas.CountAsync());
            var box = await canvas.BoundingBoxAsync();
            Assert.True(box is { Width: > 200, Height: > 100 }, $"{chart} is drawn at {box?.Width}×{box?.Height}");
        }
        // The table beside the charts: the firm's two branches.
        Assert.Equal(2, await page.Locator("#rows tbody tr").CountAsync());
        Assert.Contains(session.Data.B1, await page.InnerTextAsync("#rows tbody"));
        // Campaign funnels as DashboardFigureTests works them out: campaign 1 sent 2, opened 2, replied 1, traded 2; campaign 2
        // sent 1 and traded 1; the contacts outside campaigns last. Each campaign links to its sent drafts by its id.
        var first = page.Locator($"#campaigns tbody tr[data-campaign='{session.Data.Campaign(1)}']");
        Assert.Equal(["2", "2", "1", "2"], await Task.WhenAll(new[] { "sent", "opened", "replied", "traded" }.Select(k => first.Locator($"[data-figure={k}]").InnerTextAsync())));
        Assert.Equal("1", await page.InnerTextAsync($"#campaigns tbody tr[data-campaign='{session.Data.Campaign(2)}'] [data-figure=traded]"));
        Assert.Equal("3", await page.InnerTextAsync("#campaigns tbody tr[data-campaign=''] [data-figure=sent]"));
        Assert.Equal(3, await page.Locator("#campaigns tbody tr").CountAsync());
        Assert.Contains($"campaignId={session.Data.Campaign(1)}", await first.Locator("a").GetAttributeAsync("href"));

        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("dashboard-1280.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task On_a_phone_an_advisors_figures_show_and_the_page_switches_to_english_from_the_keyboard()
    {
        var (page, errors) = await OpenAsync(390, 844, "advisor", session.Data.A1);
        Assert.Equal("60,000", await KpiAsync(page, "assetsBroughtIn"));
        Assert.Equal("服务看板", await page.InnerTextAsync("h1"));
        // Nothing wider than the phone: the table scrolls inside its own box.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the page scrolls sideways at 390 px");
        Assert.Equal(1, await page.Locator("#served-chart canvas").CountAsync());

        await page.FocusAsync("#language");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("Service dashboard", await page.InnerTextAsync("h1"));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Assets brought in (¥)", await page.InnerTextAsync("#kpis [data-kpi=assetsBroughtIn] dt"));

        // Change the window from the keyboard: from day 1 on, A1 keeps 15,000 brought in.
        await page.FocusAsync("#from");
        await page.FillAsync("#from", OutcomeData.C.AddDays(1).ToString("yyyy-MM-dd"));
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#kpis [data-kpi=assetsBroughtIn] dd", new PageLocatorOptions { HasTextString = "15,000" }).WaitForAsync();

        var axe = await page.RunAxe();
        Assert.DoesNotContain(axe.Violations, v => v.Impact is "serious" or "critical");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.FillAsync("#from", OutcomeData.C.AddDays(-1).ToString("yyyy-MM-dd"));
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#kpis [data-kpi=assetsBroughtIn] dd", new PageLocatorOptions { HasTextString = "60,000" }).WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("dashboard-390.png"), FullPage = true });
    }

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
