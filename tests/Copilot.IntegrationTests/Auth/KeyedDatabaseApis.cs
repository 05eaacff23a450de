using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Auth;

/// <summary>
/// The keyed service (<see cref="KeyedApi"/>'s keys plus a configured Admin key) on each records database, for the
/// stored keys the admin API creates.
/// </summary>
public sealed class KeyedDatabaseApis : DatabaseApis
{
    public const string Admin = "key-admin-0a0a";
    public const string AdminName = "it.admin";

    public static Dictionary<string, string?> Settings()
    {
        var settings = KeyedApi.Settings();
        settings["Auth:ApiKeys:9:Name"] = AdminName;
        settings["Auth:ApiKeys:9:Role"] = "Admin";
        settings["Auth:ApiKeys:9:KeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Admin)));
        return settings;
    }

    public async Task<HttpClient> AsAsync(string provider, string key)
    {
        var client = (await FactoryAsync(provider)).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override CopilotApiFactory CreateFactory(string provider)
    {
        var settings = Settings();
        foreach (var (key, value) in TestDatabases.Settings(provider)) settings[key] = value;
        return CopilotApiFactory.TemplateMode(seed: false, extra: settings);
    }
}
