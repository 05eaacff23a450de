using Copilot.IntegrationTests.Infrastructure;
using Copilot.Knowledge;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Copilot.IntegrationTests.Hosting;

/// <summary>
/// The readiness probe through first-start seeding: 503 "Degraded" while the corpus is ingested (starting, not
/// broken), 503 "Unhealthy" when seeding failed, 200 once ready. Liveness answers throughout.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_follows_seeding_and_live_answers_throughout()
    {
        using var factory = CopilotApiFactory.TemplateMode(seed: false);
        // No seeding service: the test moves readiness along itself.
        using var held = factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            var seeding = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "KnowledgeSeedService");
            services.Remove(seeding);
        }));
        var client = held.CreateClient();
        var readiness = held.Services.GetRequiredService<KnowledgeReadiness>();

        Assert.Equal((503, "Degraded"), await ProbeAsync(client, "/health/ready"));
        Assert.Equal((200, "Healthy"), await ProbeAsync(client, "/health/live"));

        readiness.MarkFailed("Seeding the knowledge base failed: disk full");
        Assert.Equal((503, "Unhealthy"), await ProbeAsync(client, "/health/ready"));

        readiness.MarkReady();
        Assert.Equal((200, "Healthy"), await ProbeAsync(client, "/health/ready"));
    }

    private static async Task<(int, string)> ProbeAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
