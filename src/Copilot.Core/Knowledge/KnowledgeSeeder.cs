using Copilot.Common;
using Copilot.Knowledge.Extraction;
using Copilot.Knowledge.Index;
using Microsoft.Extensions.Logging;

namespace Copilot.Knowledge;

/// <summary>What seeding a folder did: how many files were ingested, and the ones that could not be, with why.</summary>
public sealed record SeedResult(int Ingested, IReadOnlyList<string> Failures);

/// <summary>Ingests every supported file of a folder; each file's front matter carries its metadata.</summary>
public sealed class KnowledgeSeeder(KnowledgeIngestion ingestion, IKnowledgeIndex index, ILogger<KnowledgeSeeder> logger)
{
    /// <summary>Seeds the folder when the index is empty, or always when forced.</summary>
    /// <param name="defaults">Metadata for files whose front matter lacks it, e.g. type=compliance for a folder of laws.</param>
    public async Task<SeedResult> SeedAsync(string folder, bool force, CancellationToken ct, IReadOnlyDictionary<string, string?>? defaults = null)
    {
        if (!force && await index.CountChunksAsync(ct) > 0) return new SeedResult(0, []);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Knowledge folder '{folder}' does not exist.");

        var ingested = 0;
        var failures = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!TextExtractors.Default.Supports(file) || Path.GetFileName(file).StartsWith("README", StringComparison.OrdinalIgnoreCase))
                continue;
            // Files without an id in their front matter are known by their name, so re-seeding replaces rather than duplicates.
            var fileDefaults = new Dictionary<string, string?>(defaults ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase)
            {
                ["id"] = Path.GetFileNameWithoutExtension(file),
            };
            try
            {
                await using var content = File.OpenRead(file);
                await ingestion.IngestFileAsync(Path.GetFileName(file), content, NoFields, ct, fileDefaults);
                ingested++;
            }
            catch (Exception e) when (e is InputValidationException or UnreadableDocumentException)
            {
                // One bad file must not stop the rest of the folder.
                logger.LogWarning("Skipped {File}: {Reason}", file, e.Message);
                failures.Add($"{Path.GetFileName(file)}: {e.Message}");
            }
        }
        logger.LogInformation("Ingested {Count} documents from {Folder}; {Failed} skipped", ingested, folder, failures.Count);
        return new SeedResult(ingested, failures);
    }

    private static readonly Dictionary<string, string?> NoFields = [];
}
