using Copilot.Knowledge;
using Copilot.Storage;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Hosting;

/// <summary>
/// `dotnet run --project src/Copilot.Api -- ingest [folder] [key=value ...]`: (re-)ingests a folder — the sample
/// corpus by default — and exits. key=value pairs are metadata for files whose front matter lacks it.
/// </summary>
public static class IngestCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "ingest";

    public static async Task RunAsync(WebApplication app, string[] args)
    {
        await DatabaseMigrator.MigrateAsync(app.Services, CancellationToken.None);
        var folderArgument = args.Skip(1).FirstOrDefault(a => !a.Contains('='));
        var folder = folderArgument is null
            ? app.Services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolveSeedFolder()
            : Path.GetFullPath(folderArgument);
        var defaults = args.Skip(1).Where(a => a.Contains('='))
            .Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1], StringComparer.OrdinalIgnoreCase);

        var result = await app.Services.GetRequiredService<KnowledgeSeeder>().SeedAsync(folder, force: true, CancellationToken.None, defaults);
        Console.WriteLine($"Ingested {result.Ingested} documents from {folder}.");
        foreach (var failure in result.Failures) Console.WriteLine($"  skipped {failure}");
        Environment.ExitCode = result.Failures.Count > 0 ? 1 : 0;
        await app.DisposeAsync();
    }
}
