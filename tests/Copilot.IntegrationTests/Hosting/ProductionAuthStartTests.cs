using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Copilot.IntegrationTests.Hosting;

/// <summary>
/// In Production the service will not start open to anyone reaching its port unless told to; `dotnet run` (the README's
/// first command) runs in Development and still needs no set-up.
/// </summary>
public sealed class ProductionAuthStartTests
{
    [Fact]
    public void Production_without_keys_or_single_sign_on_stops_the_start_naming_auth()
    {
        using var factory = CopilotApiFactory.TemplateMode(seed: false);
        using var production = factory.WithWebHostBuilder(host => host.UseEnvironment("Production"));

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        var message = Flatten(error).Select(e => e.Message).FirstOrDefault(m => m.StartsWith("Auth:", StringComparison.Ordinal));
        Assert.NotNull(message);
        Assert.Contains("Auth:AllowAnonymous=true", message);
        Assert.Contains("Auth:Jwt", message);
    }

    [Fact]
    public async Task Production_runs_open_only_when_anonymous_access_is_set_explicitly()
    {
        using var factory = CopilotApiFactory.TemplateMode(seed: false, extra: new Dictionary<string, string?> { ["Auth:AllowAnonymous"] = "true" });
        using var production = factory.WithWebHostBuilder(host => host.UseEnvironment("Production"));

        var me = await production.CreateClient().GetObjectAsync("/v1/me");

        Assert.Equal(("local", "off"), (me.Str("name"), me.Str("authentication")));
    }

    [Fact]
    public async Task Production_starts_with_keys_or_with_single_sign_on_alone()
    {
        using (var keyed = CopilotApiFactory.TemplateMode(seed: false, extra: KeyedApi.Settings()))
        using (var production = keyed.WithWebHostBuilder(host => host.UseEnvironment("Production")))
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await production.CreateClient().GetAsync("/v1/me")).StatusCode);

        using var rsa = RSA.Create(2048);
        using var sso = CopilotApiFactory.TemplateMode(seed: false, extra: new Dictionary<string, string?>
        {
            ["Auth:Jwt:Issuer"] = SsoApi.Issuer, ["Auth:Jwt:Audience"] = SsoApi.Audience,
            ["Auth:Jwt:SigningKeys:0"] = rsa.ExportSubjectPublicKeyInfoPem(), ["Auth:Jwt:Roles:Admin:0"] = "copilot.admin",
        });
        using var ssoProduction = sso.WithWebHostBuilder(host => host.UseEnvironment("Production"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await ssoProduction.CreateClient().GetAsync("/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Dotnet_run_runs_in_development_and_starts_open_on_the_embedded_defaults()
    {
        var launch = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "src/Copilot.Api/Properties/launchSettings.json")))!;
        var profile = launch["profiles"]!.AsObject().Single().Value!;
        Assert.Equal("Project", profile.Str("commandName"));
        Assert.Equal("Development", profile["environmentVariables"]!.Str("ASPNETCORE_ENVIRONMENT"));

        using var factory = CopilotApiFactory.TemplateMode(seed: false);
        using var development = factory.WithWebHostBuilder(host => host.UseEnvironment("Development"));
        Assert.Equal("off", (await development.CreateClient().GetObjectAsync("/v1/me")).Str("authentication"));
    }

    [Fact]
    public async Task Once_a_key_is_stored_the_service_no_longer_runs_open_even_with_every_key_revoked()
    {
        using var factory = CopilotApiFactory.TemplateMode(seed: false);
        var local = factory.CreateClient();
        var created = await local.PostJsonAsync("/v1/admin/keys", new { name = "first.admin", role = "Admin" }, System.Net.HttpStatusCode.Created);
        Assert.Equal("local", created.Str("createdBy"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await local.GetAsync("/v1/me")).StatusCode);
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", created.Str("key"));
        await admin.PostJsonAsync($"/v1/admin/keys/{created.Str("id")}/revoke", new { });
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await local.GetAsync("/v1/me")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await admin.GetAsync("/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_configured_key_named_like_a_stored_key_stops_the_start_naming_it()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "copilot-tests", Guid.NewGuid().ToString("N"));
        using (var first = new CopilotApiFactory(new Dictionary<string, string?> { ["Knowledge:SeedOnStart"] = "false" }, dataPath) { KeepData = true })
            await first.CreateClient().PostJsonAsync("/v1/admin/keys", new { name = "ops.bot", role = "Crm" }, System.Net.HttpStatusCode.Created);

        var settings = new Dictionary<string, string?>
        {
            ["Knowledge:SeedOnStart"] = "false", ["Auth:ApiKeys:0:Name"] = "OPS.bot", ["Auth:ApiKeys:0:Role"] = "Crm",
            ["Auth:ApiKeys:0:KeySha256"] = Convert.ToHexStringLower(SHA256.HashData("key-ops-bot"u8)),
        };
        using var restarted = new CopilotApiFactory(settings, dataPath);
        var error = Assert.ThrowsAny<Exception>(() => restarted.CreateClient());
        var message = Flatten(error).Select(e => e.Message).FirstOrDefault(m => m.StartsWith("Auth:ApiKeys", StringComparison.Ordinal));
        Assert.NotNull(message);
        Assert.Contains("OPS.bot", message);
    }

    private static IEnumerable<Exception> Flatten(Exception? error)
    {
        if (error is null) yield break;
        yield return error;
        var inner = error is AggregateException aggregate ? aggregate.InnerExceptions.ToList<Exception?>() : [error.InnerException];
        foreach (var child in inner.SelectMany(Flatten)) yield return child;
    }
}
