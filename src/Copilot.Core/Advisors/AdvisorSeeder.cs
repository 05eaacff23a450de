using Copilot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Copilot.Advisors;

/// <summary>Adds the configured advisors that are not in the records yet; records changed through the API are left alone.</summary>
internal sealed class AdvisorSeeder(IServiceProvider services, IOptions<AdvisorOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        // Migrations run in an earlier hosted service; the table exists by now.
        var directory = services.GetRequiredService<AdvisorDirectory>();
        foreach (var seed in options.Value.Seed)
            if (await directory.FindAsync(seed.Id, ct) is null)
                await directory.UpsertAsync(seed, AdvisorDirectory.SeedActor, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
