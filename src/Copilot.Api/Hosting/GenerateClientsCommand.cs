using System.Diagnostics;
using System.Globalization;
using Copilot.Advisors;
using Copilot.Clients;
using Copilot.Storage;

namespace Copilot.Api.Hosting;

/// <summary>
/// `dotnet run --project src/Copilot.Api -- generate-clients --advisors 20 --clients 80000 --seed 1 [--as-of 2026-12-01] [--out file.csv|file.jsonl]`:
/// synthetic portraits for advisors adv-001 … (created when missing), imported into the records — or, with --out, written
/// to a file in the import format for POST /v1/clients/import. The same seed, counts and date give the same clients.
/// </summary>
public static class GenerateClientsCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "generate-clients";

    public static async Task RunAsync(WebApplication app, string[] args)
    {
        var options = args.Skip(1).Chunk(2).Where(p => p.Length == 2 && p[0].StartsWith("--")).ToDictionary(p => p[0][2..], p => p[1]);
        int Number(string name, int fallback) => options.TryGetValue(name, out var v) && int.TryParse(v, out var n) && n > 0 ? n : fallback;
        var advisorCount = Number("advisors", 20);
        var clientCount = Number("clients", 80_000);
        var seed = Number("seed", 1);
        var asOf = options.TryGetValue("as-of", out var date) ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : DateOnly.FromDateTime(DateTime.Now);
        var advisors = Enumerable.Range(0, advisorCount).Select(SyntheticClients.AdvisorId).ToList();
        var portraits = SyntheticClients.Generate(advisors, clientCount, seed, asOf);

        if (options.TryGetValue("out", out var path))
        {
            await using var writer = new StreamWriter(Path.GetFullPath(path));
            if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) await ClientFiles.WriteCsvAsync(portraits, writer);
            else await ClientFiles.WriteJsonLinesAsync(portraits, writer);
            Console.WriteLine($"Wrote {clientCount} portraits for {advisorCount} advisors to {Path.GetFullPath(path)}.");
            await app.DisposeAsync();
            return;
        }

        await DatabaseMigrator.MigrateAsync(app.Services, CancellationToken.None);
        var directory = app.Services.GetRequiredService<AdvisorDirectory>();
        foreach (var (id, i) in advisors.Select((id, i) => (id, i)))
            if (await directory.FindAsync(id, CancellationToken.None) is null)
                await directory.UpsertAsync(new AdvisorSeed
                {
                    Id = id, Name = $"示例投顾{i + 1:D3}", RegistrationNumber = $"S{9_000_000_000_000L + i + 1:D13}", Firm = "示例证券",
                    Branch = "示例证券财富管理部",
                }, "generate-clients", CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var result = await app.Services.GetRequiredService<ClientImport>().ImportPortraitsAsync(portraits, "generate-clients", "generated", CancellationToken.None);
        Console.WriteLine($"Generated {result.RowsRead} clients for {advisorCount} advisors in {clock.Elapsed.TotalSeconds:0.0} s: "
            + $"{result.Inserted} inserted, {result.Updated} updated, {result.Unchanged} unchanged.");
        await app.DisposeAsync();
    }
}
