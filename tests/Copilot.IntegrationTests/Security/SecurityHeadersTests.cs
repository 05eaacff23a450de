using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Copilot.IntegrationTests.Security;

/// <summary>The service on its defaults, nothing seeded.</summary>
public sealed class DefaultHeadersApi : ApiFixture
{
    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.TemplateMode(seed: false);
}

/// <summary>Every response carries the browser protections; API answers are never cached; the pages' policy allows no inline script.</summary>
public sealed class SecurityHeadersTests(DefaultHeadersApi api) : IClassFixture<DefaultHeadersApi>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/review.html")]
    [InlineData("/v1/me")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task Every_response_forbids_framing_sniffing_and_referrers(string path)
    {
        var response = await api.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task The_pages_policy_allows_scripts_and_styles_from_files_only()
    {
        var response = await api.Client.GetAsync("/");
        var policy = Header(response, "Content-Security-Policy");

        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("style-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        // The pages keep to it: every script is a file, no handler or style is inline.
        foreach (var page in new[] { "/", "/review.html" })
        {
            var html = await api.Client.GetStringAsync(page);
            Assert.DoesNotMatch(new Regex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase), html);
            Assert.DoesNotMatch(new Regex(@"\son[a-z]+\s*=|\sstyle\s*=|<style", RegexOptions.IgnoreCase), html);
        }
    }

    [Fact]
    public async Task Api_answers_and_problems_are_no_store_streams_too()
    {
        var problem = await api.Client.PostAsJsonAsync("/v1/chat", new { message = "" });
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Contains("no-store", problem.Headers.CacheControl!.ToString());
        Assert.Contains("no-store", (await api.Client.GetAsync("/v1/me")).Headers.CacheControl!.ToString());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = JsonContent.Create(new { message = "科创板开户要求" }) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        var stream = await api.Client.SendAsync(request);
        Assert.Contains("no-store", stream.Headers.CacheControl!.ToString());
        // Pages and their scripts may be cached: they hold no client data.
        Assert.DoesNotContain("no-store", (await api.Client.GetAsync("/chat.js")).Headers.CacheControl?.ToString() ?? "");
    }

    [Fact]
    public async Task The_scalar_reference_has_its_own_policy_and_loads_only_its_own_files()
    {
        var response = await api.Client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", policy);
        var html = await response.Content.ReadAsStringAsync();
        var sources = Regex.Matches(html, @"<script[^>]*\bsrc=""([^""]+)""").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Assert.False(Uri.TryCreate(source, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http"), $"{source} is not the service's own");
            var script = await api.Client.GetAsync(new Uri(new Uri(api.Client.BaseAddress!, "/scalar/"), source));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        }
    }

    [Fact]
    public async Task No_origin_may_call_the_api_from_a_browser_by_default()
    {
        var preflight = await api.Client.SendAsync(Preflight("https://crm.example.com"));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_host_that_is_not_allowed_is_refused()
    {
        var client = api.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://copilot.attacker.example") });
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Without_a_known_https_port_nothing_redirects()
    {
        var client = api.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/me")).StatusCode);
    }

    internal static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/v1/chat");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"No {name} header on {response.RequestMessage?.RequestUri}");
}
