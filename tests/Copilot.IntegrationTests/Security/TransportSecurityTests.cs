using System.Net;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Copilot.IntegrationTests.Security;

/// <summary>A deployment behind its own name: HTTPS on 443, one allowed host, the CRM's web origin allowed.</summary>
public sealed class DeployedHeadersApi : ApiFixture
{
    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.TemplateMode(seed: false, extra: new Dictionary<string, string?>
    {
        ["AllowedHosts"] = "copilot.broker.example;localhost",
        ["HttpSecurity:HttpsPort"] = "443",
        ["HttpSecurity:CorsOrigins:0"] = "https://crm.broker.example",
    });
}

/// <summary>HTTP is redirected to HTTPS, HTTPS answers carry HSTS, and only configured origins pass CORS.</summary>
public sealed class TransportSecurityTests(DeployedHeadersApi api) : IClassFixture<DeployedHeadersApi>
{
    [Fact]
    public async Task Http_is_redirected_to_https()
    {
        var client = api.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("http://copilot.broker.example"),
        });

        var response = await client.GetAsync("/v1/me");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://copilot.broker.example/v1/me", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Https_answers_carry_hsts()
    {
        var client = api.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://copilot.broker.example") });

        var response = await client.GetAsync("/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", SecurityHeadersTests.Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Only_a_configured_origin_passes_cors()
    {
        var client = api.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://copilot.broker.example") });

        var allowed = await client.SendAsync(SecurityHeadersTests.Preflight("https://crm.broker.example"));
        var other = await client.SendAsync(SecurityHeadersTests.Preflight("https://evil.example"));

        Assert.Equal("https://crm.broker.example", SecurityHeadersTests.Header(allowed, "Access-Control-Allow-Origin"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Turned_off_for_a_proxy_that_terminates_tls_nothing_redirects()
    {
        using var factory = CopilotApiFactory.TemplateMode(seed: false, extra: new Dictionary<string, string?>
        {
            ["HttpSecurity:HttpsPort"] = "443", ["HttpSecurity:RequireHttps"] = "false",
        });
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
