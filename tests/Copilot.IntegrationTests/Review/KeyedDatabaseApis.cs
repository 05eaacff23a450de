using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Review;

/// <summary>
/// The keyed service of <see cref="KeyedApi"/> plus an Admin key, on each records database: separation of duties,
/// who the audit names and who owns a conversation must hold on SQLite and PostgreSQL alike.
/// </summary>
public sealed class KeyedDatabaseApis : DatabaseApis
{
    public const string Admin = "key-admin-ad01";

    public async Task<HttpClient> AsAsync(string provider, string key)
    {
        var client = (await FactoryAsync(provider)).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override CopilotApiFactory CreateFactory(string provider)
    {
        var settings = new Dictionary<string, string?>(TestDatabases.Settings(provider));
        foreach (var (key, value) in KeyedApi.Settings()) settings[key] = value;
        // A high index, clear of the keys KeyedApi configures.
        settings["Auth:ApiKeys:9:Name"] = "it-admin";
        settings["Auth:ApiKeys:9:Role"] = "Admin";
        settings["Auth:ApiKeys:9:KeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Admin)));
        settings["Knowledge:SeedOnStart"] = "false";
        return new CopilotApiFactory(settings);
    }
}
