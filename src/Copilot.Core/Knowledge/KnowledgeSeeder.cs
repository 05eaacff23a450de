using Copilot.Knowledge.Extraction;
using Copilot.Knowledge.Index;
using Microsoft.Extensions.Logging;

namespace Copilot.Knowledge;

/// <summary>Ingests every supported file of a folder; each file's front matter carries its metadata.</summary>
public sealed class KnowledgeSeeder(KnowledgeIngestion ingestion, IKnowledgeIndex index, ILogger<KnowledgeSeeder> logger)
{
    private static readonly Dictionary<string, string?> NoFields = [];

    /// <summary>Seeds the folder when the index is empty, or always when forced; returns how many documents were ingested.</summary>
    public async Task<int> SeedAsync(string folder, bool force, CancellationToken ct)
    {
        if (!force && await index.CountChunksAsync(ct) > 0) return 0;
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Knowledge seed folder {Folder} does not exist; nothing ingested", folder);
            return 0;
        }

        var ingested = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!TextExtractors.Default.Supports(file) || Path.GetFileName(file).StartsWith("README", StringComparison.OrdinalIgnoreCase))
                continue;
            await using var content = File.OpenRead(file);
            // Files without an id in their front matter are known by their name, so re-seeding replaces rather than duplicates.
            await ingestion.IngestFileAsync(Path.GetFileName(file), content, NoFields, ct, defaultId: Path.GetFileNameWithoutExtension(file));
            ingested++;
        }
        logger.LogInformation("Ingested {Count} documents from {Folder}", ingested, folder);
        return ingested;
    }
}
