using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Copilot.EndToEndTests;

/// <summary>The service on a real Kestrel port with the sample corpus, and headless Chromium driven by Playwright.</summary>
public class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public CopilotApiFactory Factory { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The service the browser talks to: template mode on the sample corpus, without API keys.</summary>
    protected virtual CopilotApiFactory CreateFactory() => CopilotApiFactory.TemplateMode();

    public async Task InitializeAsync()
    {
        Factory = CreateFactory();
        Factory.UseKestrel(0);
        Factory.StartServer();
        var client = await Factory.CreateReadyClientAsync();
        BaseAddress = client.BaseAddress!;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            // This machine's network is closed: background traffic would only fail, so it is switched off.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Factory?.Dispose();
    }
}
