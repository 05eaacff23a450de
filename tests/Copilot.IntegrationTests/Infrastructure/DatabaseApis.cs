using System.Collections.Concurrent;

namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>
/// One running service per records database (SQLite, PostgreSQL), started on first use with the sample corpus
/// and shared by a test class whose theories run on each provider.
/// </summary>
public class DatabaseApis : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<(CopilotApiFactory Factory, HttpClient Client)>>> _apis = new();

    public async Task<HttpClient> ClientAsync(string provider) => (await ApiAsync(provider)).Client;

    public async Task<CopilotApiFactory> FactoryAsync(string provider) => (await ApiAsync(provider)).Factory;

    private Task<(CopilotApiFactory Factory, HttpClient Client)> ApiAsync(string provider) =>
        _apis.GetOrAdd(provider, p => new Lazy<Task<(CopilotApiFactory, HttpClient)>>(async () =>
        {
            var factory = CreateFactory(p);
            return (factory, await factory.CreateReadyClientAsync());
        })).Value;

    /// <summary>Template mode on a fresh database of the provider.</summary>
    protected virtual CopilotApiFactory CreateFactory(string provider) => new(TestDatabases.Settings(provider));

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var api in _apis.Values.Where(a => a.IsValueCreated))
            (await api.Value).Factory.Dispose();
    }
}

/// <summary>The same, in model mode: every service talks to one fake OpenAI server the tests script.</summary>
public sealed class ModelDatabaseApis : DatabaseApis
{
    public FakeOpenAiServer OpenAi { get; } = new();

    protected override CopilotApiFactory CreateFactory(string provider) => CopilotApiFactory.ModelMode(OpenAi, extra: TestDatabases.Settings(provider));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        OpenAi.Dispose();
    }
}
