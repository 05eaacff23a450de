using System.Net;
using System.Net.Http.Json;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Security;

/// <summary>The keyed service with small limits: 10 requests per caller per hour, 2 of them model-backed.</summary>
public sealed class LimitedApi : ApiFixture
{
    public HttpClient As(string key)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override CopilotApiFactory CreateFactory()
    {
        var settings = KeyedApi.Settings();
        settings["RateLimits:PermitsPerWindow"] = "10";
        settings["RateLimits:ModelPermitsPerWindow"] = "2";
        settings["RateLimits:WindowSeconds"] = "3600";
        return CopilotApiFactory.TemplateMode(seed: false, extra: settings);
    }
}

/// <summary>Each caller has its own budget; model-backed endpoints a stricter one; a refusal says when to retry; probes are never refused.</summary>
public sealed class RateLimitTests(LimitedApi api) : IClassFixture<LimitedApi>
{
    [Fact]
    public async Task A_caller_past_its_model_budget_gets_a_429_problem_with_retry_after_and_others_are_unaffected()
    {
        var wang = api.As(KeyedApi.Wang);
        var answered = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++) answered.Add((await wang.PostAsJsonAsync("/v1/chat", new { message = "科创板开户要求" })).StatusCode);
        Assert.All(answered, status => Assert.Equal(HttpStatusCode.OK, status));

        var refused = await wang.PostAsJsonAsync("/v1/chat/completions", new { messages = new[] { new { role = "user", content = "你好" } } });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await refused.ReadObjectAsync())["status"]!.GetValue<int>());
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 3600);
        // The same key may still do what does not call the model; another advisor may still chat.
        Assert.Equal(HttpStatusCode.OK, (await wang.GetAsync("/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.As(KeyedApi.Qian).PostAsJsonAsync("/v1/chat", new { message = "科创板开户要求" })).StatusCode);
    }

    [Fact]
    public async Task A_streaming_client_past_its_model_budget_gets_the_429_problem_not_a_server_error()
    {
        var crm = api.As(KeyedApi.Crm);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            // Accept: text/event-stream rules out the JSON problem writers; the refusal must still be a 429 problem.
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = JsonContent.Create(new { message = "科创板开户要求" }) };
            request.Headers.Accept.ParseAdd("text/event-stream");
            last = await crm.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", last!.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await last.ReadObjectAsync())["status"]!.GetValue<int>());
        Assert.NotNull(last.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Every_endpoint_counts_against_the_callers_general_budget()
    {
        var officer = api.As(KeyedApi.Officer);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++) statuses.Add((await officer.GetAsync("/v1/me")).StatusCode);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 10), statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        Assert.Equal(HttpStatusCode.OK, (await api.As(KeyedApi.Content).GetAsync("/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Callers_without_a_valid_key_share_their_address_budget_and_probes_are_exempt()
    {
        var guesser = api.As("guessed-key-0");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++) statuses.Add((await guesser.GetAsync("/v1/me")).StatusCode);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 10), statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);

        var anonymous = api.Factory.CreateClient();
        for (var i = 0; i < 15; i++)
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
    }
}
