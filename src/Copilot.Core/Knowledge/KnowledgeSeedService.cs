using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Copilot.Knowledge;

/// <summary>At first start, when the index is empty, ingests the sample corpus in the background; readiness waits for it.</summary>
internal sealed class KnowledgeSeedService(
    KnowledgeSeeder seeder, KnowledgeReadiness readiness, IOptions<KnowledgeOptions> options, ILogger<KnowledgeSeedService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SeedOnStart)
        {
            readiness.MarkReady();
            return;
        }
        try
        {
            var result = await seeder.SeedAsync(options.Value.ResolveSeedFolder(), force: false, stoppingToken);
            if (result.Failures.Count > 0)
                logger.LogWarning("{Count} sample documents could not be ingested", result.Failures.Count);
            readiness.MarkReady();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Seeding the knowledge base failed");
            readiness.MarkFailed("Seeding the knowledge base failed: " + e.Message);
        }
    }
}
