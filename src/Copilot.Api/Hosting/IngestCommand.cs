using Copilot.Knowledge;
using Copilot.Storage;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Hosting;

/// <summary>`dotnet run --project src/Copilot.Api -- ingest [folder]`: re-ingests a folder (the sample corpus by default) and exits.</summary>
public static class IngestCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "ingest";

    public static async Task RunAsync(WebApplication app, string[] args)
    {
        await DatabaseMigrator.MigrateAsync(app.Services, CancellationToken.None);
        var folder = args.Length > 1 ? Path.GetFullPath(args[1]) : app.Services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolveSeedFolder();
        var count = await app.Services.GetRequiredService<KnowledgeSeeder>().SeedAsync(folder, force: true, CancellationToken.None);
        Console.WriteLine($"Ingested {count} documents from {folder}.");
        await app.DisposeAsync();
    }
}
