using Copilot.Knowledge;
using Copilot.Llm;
using Copilot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Copilot.Benchmarks.Infrastructure;

/// <summary>
/// A throwaway knowledge base in a temp folder (Lucene index + SQLite catalog), wired by the service's own
/// registrations with their default options, lexical only. The host is built but never started.
/// </summary>
public sealed class ScratchKnowledgeBase : IDisposable
{
    private readonly IHost _host;

    private ScratchKnowledgeBase(string folder, IHost host)
    {
        Folder = folder;
        _host = host;
        // Resolved now so the index is open before anything is measured, as it is in a running service.
        Ingestion = host.Services.GetRequiredService<KnowledgeIngestion>();
    }

    public string Folder { get; }

    public KnowledgeIngestion Ingestion { get; }

    public static async Task<ScratchKnowledgeBase> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "copilot-bench", Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark" });
        builder.Configuration["Storage:DataPath"] = folder;
        builder.Configuration["Knowledge:SeedOnStart"] = "false";
        builder.Logging.ClearProviders();
        builder.AddCopilotStorage();
        builder.AddCopilotKnowledge();
        builder.Services.AddCopilotLlm(builder.Configuration);
        var host = builder.Build();
        await DatabaseMigrator.MigrateAsync(host.Services, CancellationToken.None);
        return new ScratchKnowledgeBase(folder, host);
    }

    public void Dispose()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
