using System.Collections.Concurrent;

namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>
/// One running service per records database (SQLite, PostgreSQL), started on first use with the sample corpus
/// and shared by a test class whose theories run on each provider.
/// </summary>
public sealed class DatabaseApis : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<(CopilotApiFactory Factory, HttpClient Client)>>> _apis = new();

    public async Task<HttpClient> ClientAsync(string provider) => (await ApiAsync(provider)).Client;

    public async Task<CopilotApiFactory> FactoryAsync(string provider) => (await ApiAsync(provider)).Factory;

    private Task<(CopilotApiFactory Factory, HttpClient Client)> ApiAsync(string provider) =>
        _apis.GetOrAdd(provider, p => new Lazy<Task<(CopilotApiFactory, HttpClient)>>(async () =>
        {
            var factory = new CopilotApiFactory(TestDatabases.Settings(p));
            return (factory, await factory.CreateReadyClientAsync());
        })).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var api in _apis.Values.Where(a => a.IsValueCreated))
            (await api.Value).Factory.Dispose();
    }
}
