using Copilot.Advisors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Copilot.Clients;

/// <summary>
/// Gives the demo advisor Clients:DemoClients synthetic clients at first start, so the pages show something real. Only when that
/// advisor exists (the embedded defaults seed it) and has no clients yet: a firm's own data is never mixed with made-up clients.
/// </summary>
internal sealed class DemoClientSeeder(IServiceProvider services, IOptions<ClientOptions> options, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (settings.DemoClients == 0) return;
        // Advisors are seeded by an earlier hosted service.
        if (await services.GetRequiredService<AdvisorDirectory>().FindAsync(settings.DemoAdvisorId, ct) is null) return;
        if (await services.GetRequiredService<ClientDirectory>().CountAsync(settings.DemoAdvisorId, ct) > 0) return;
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        await services.GetRequiredService<ClientImport>().ImportPortraitsAsync(
            SyntheticClients.Generate([settings.DemoAdvisorId], settings.DemoClients, seed: 1, today), AdvisorDirectory.SeedActor, "demo-seed", ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
