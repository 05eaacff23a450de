using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>
/// The real service on a private data folder (SQLite file + Lucene index on disk), optionally wired to a fake
/// OpenAI server. Settings override configuration keys, e.g. ["Knowledge:SeedOnStart"] = "false".
/// </summary>
public sealed class CopilotApiFactory(IReadOnlyDictionary<string, string?>? settings = null, string? dataPath = null) : WebApplicationFactory<Program>
{
    /// <summary>The data folder; pass the same one to a second factory to restart the service on the same records.</summary>
    public string DataPath { get; } = dataPath ?? Path.Combine(Path.GetTempPath(), "copilot-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Keep the data folder on dispose, for a restart test.</summary>
    public bool KeepData { get; init; }

    public IReadOnlyDictionary<string, string?> Settings { get; } = settings ?? new Dictionary<string, string?>();

    /// <summary>An in-memory sink that receives every log event the service writes, as any configured sink would.</summary>
    public CapturedLogs? Logs { get; init; }

    /// <summary>A factory in template mode (no model), seeding the sample corpus unless told otherwise.</summary>
    public static CopilotApiFactory TemplateMode(bool seed = true, IReadOnlyDictionary<string, string?>? extra = null) =>
        new(Merge(new() { ["Knowledge:SeedOnStart"] = seed.ToString() }, extra));

    /// <summary>A factory whose model and embeddings are the fake OpenAI server.</summary>
    public static CopilotApiFactory ModelMode(FakeOpenAiServer openAi, bool seed = true, bool embeddings = false,
        IReadOnlyDictionary<string, string?>? extra = null) =>
        new(Merge(new()
        {
            ["Knowledge:SeedOnStart"] = seed.ToString(),
            ["Llm:Provider"] = "OpenAICompatible",
            ["Llm:Endpoint"] = openAi.BaseUrl,
            ["Llm:ApiKey"] = "test-key",
            ["Llm:ChatModel"] = FakeOpenAiServer.ChatModel,
            ["Llm:EmbeddingModel"] = embeddings ? FakeOpenAiServer.EmbeddingModel : null,
            ["Llm:MaxRetries"] = "0",
        }, extra));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataPath", DataPath);
        // Hundreds of factories start in a test run: the demo advisor's synthetic clients only where a test asks for them.
        builder.UseSetting("Clients:DemoClients", "0");
        // Nor a Hangfire server with its workers polling: only where a test drafts campaigns.
        builder.UseSetting("Campaigns:RunJobs", "false");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (Logs is { } logs) builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(logs));
    }

    /// <summary>A client once the service reports ready (first-start ingestion finished).</summary>
    public async Task<HttpClient> CreateReadyClientAsync()
    {
        var client = CreateClient();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var response = await client.GetAsync("/health/ready");
            if (response.IsSuccessStatusCode) return client;
            await Task.Delay(100);
        }
        throw new TimeoutException("The service did not become ready: " + await client.GetStringAsync("/health/ready"));
    }

    /// <summary>Uploads a file as multipart with metadata fields; returns the response.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content, IReadOnlyDictionary<string, string> fields)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", fileName);
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        return await client.PostAsync("/v1/knowledge/documents", form);
    }

    /// <summary>Uploads the three laws under the ids the labelled questions use.</summary>
    public static async Task UploadLawsAsync(HttpClient client)
    {
        foreach (var (id, file) in TestPaths.Laws)
        {
            var response = await UploadAsync(client, file, await File.ReadAllBytesAsync(TestPaths.LawPath(id)),
                new Dictionary<string, string> { ["id"] = id, ["type"] = "compliance", ["publisher"] = "全国人民代表大会常务委员会", ["audience"] = "internal" });
            response.EnsureSuccessStatusCode();
        }
    }

    private static Dictionary<string, string?> Merge(Dictionary<string, string?> a, IReadOnlyDictionary<string, string?>? b)
    {
        foreach (var (key, value) in b ?? new Dictionary<string, string?>()) a[key] = value;
        return a;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepData && Directory.Exists(DataPath))
        {
            try { Directory.Delete(DataPath, recursive: true); }
            catch (IOException) { /* a file still held open by the OS; the temp folder is cleaned later */ }
        }
    }
}
