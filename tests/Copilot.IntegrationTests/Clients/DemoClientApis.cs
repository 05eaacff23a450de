using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Clients;

/// <summary>The keyed service on each records database, with the demo advisor's synthetic clients seeded as on embedded defaults.</summary>
public sealed class DemoClientApis : DatabaseApis
{
    public async Task<HttpClient> AsAsync(string provider, string key)
    {
        var client = (await FactoryAsync(provider)).CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override CopilotApiFactory CreateFactory(string provider)
    {
        var settings = KeyedDatabaseApis.Settings();
        foreach (var (key, value) in TestDatabases.Settings(provider)) settings[key] = value;
        settings["Clients:DemoClients"] = "300";
        return CopilotApiFactory.TemplateMode(seed: false, extra: settings);
    }
}
