using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Privacy;

/// <summary>
/// The keyed service over the fake model with every category logging at Verbose into an in-memory sink and, through
/// configuration, a file sink: what an operator who turns logging all the way up would get.
/// </summary>
public sealed class LoggedApi : ApiFixture
{
    public FakeOpenAiServer OpenAi { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public string LogFile { get; } = Path.Combine(Path.GetTempPath(), "copilot-tests", $"log-{Guid.NewGuid():N}", "copilot.log");

    /// <summary>The lines of every sink: the in-memory one and the configured file.</summary>
    public IReadOnlyList<string> AllLines()
    {
        var lines = Logs.Lines.ToList();
        if (File.Exists(LogFile))
        {
            using var reader = new StreamReader(new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            lines.AddRange(reader.ReadToEnd().Split('\n'));
        }
        return lines;
    }

    public HttpClient As(string key)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override CopilotApiFactory CreateFactory()
    {
        var settings = new Dictionary<string, string?>(CapturedLogs.VerboseSettings())
        {
            ["Serilog:WriteTo:0:Name"] = "File",
            ["Serilog:WriteTo:0:Args:path"] = LogFile,
            ["Serilog:WriteTo:0:Args:outputTemplate"] = "{Timestamp:o} [{Level}] {SourceContext} {Message:lj} {Properties:j}{NewLine}{Exception}",
        };
        foreach (var (key, value) in KeyedApi.Settings()) settings[key] = value;
        var model = CopilotApiFactory.ModelMode(OpenAi, seed: false, extra: settings);
        return new CopilotApiFactory(model.Settings) { Logs = Logs };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        OpenAi.Dispose();
    }
}
