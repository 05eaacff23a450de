using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Copilot.IntegrationTests.Limits;

/// <summary>
/// Every endpoint the app maps (read from its EndpointDataSource, so a new one is covered without editing this),
/// called with hostile route values, query strings and bodies and with mutants of valid bodies, under an Admin key
/// and an advisor's key: nothing may answer 500. Bad input is the caller's problem, never the server's.
/// </summary>
public sealed class EndpointFuzzTests(FuzzApi api, ITestOutputHelper output) : IClassFixture<FuzzApi>
{
    [Fact]
    public async Task No_hostile_input_to_any_endpoint_is_a_server_error()
    {
        var endpoints = Endpoints(api.Factory.Services);
        Assert.True(endpoints.Count >= 20, $"Only {endpoints.Count} endpoints found.");
        var failures = new List<string>();
        var sent = 0;
        var timing = new List<string>();
        foreach (var (method, pattern) in endpoints)
            // Probes, the API description and its UI have no roles: one key is enough there.
            foreach (var key in pattern.StartsWith("/v1/") ? new[] { FuzzApi.Admin, KeyedApi.Wang } : [FuzzApi.Admin])
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var before = sent;
                var client = api.As(key);
                foreach (var url in Urls(pattern))
                {
                    await SendAsync(client, method, url, null, failures); sent++;
                }
                if (method is "GET" or "DELETE")
                {
                    timing.Add($"{method} {pattern} {key}: {sent - before} in {watch.ElapsedMilliseconds} ms");
                    continue;
                }
                var real = Fill(pattern, api.IdsFor(pattern));
                foreach (var (name, content) in HostileInputs.Bodies())
                {
                    await SendAsync(client, method, real, content, failures, name); sent++;
                }
                if (key != FuzzApi.Admin || ValidBody(method, pattern) is not { } valid)
                {
                    timing.Add($"{method} {pattern} {key}: {sent - before} in {watch.ElapsedMilliseconds} ms");
                    continue;
                }
                foreach (var (path, body) in HostileInputs.Mutants(valid))
                {
                    await SendAsync(client, method, real, new StringContent(body, Encoding.UTF8, "application/json"), failures, path); sent++;
                }
                timing.Add($"{method} {pattern} {key}: {sent - before} in {watch.ElapsedMilliseconds} ms");
            }
        output.WriteLine(string.Join("\n", timing));

        output.WriteLine($"{sent} requests to {endpoints.Count} endpoints ({string.Join(", ", endpoints.Select(e => $"{e.Method} {e.Pattern}"))}); {failures.Count} server errors");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests answered 5xx:\n" + string.Join("\n", failures.Take(40)));
    }

    internal static List<(string Method, string Pattern)> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, "/" + e.RoutePattern.RawText!.Trim('/'))))
            .Distinct().OrderBy(e => e.Item2).ThenBy(e => e.m).ToList();

    // Each route value hostile in turn (the others real), each hostile query on the real route.
    private IEnumerable<string> Urls(string pattern)
    {
        var real = Fill(pattern, api.IdsFor(pattern));
        foreach (var query in HostileInputs.QueryStrings) yield return real + query;
        foreach (var name in Parameters(pattern))
            foreach (var value in HostileInputs.RouteValues)
                yield return Fill(pattern, new Dictionary<string, string>(api.IdsFor(pattern)) { [name] = value });
    }

    private static IEnumerable<string> Parameters(string pattern) =>
        System.Text.RegularExpressions.Regex.Matches(pattern, @"\{([^}:?=]+)[^}]*\}").Select(m => m.Groups[1].Value);

    internal static string Fill(string pattern, IReadOnlyDictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([^}:?=]+)[^}]*\}", m => values.GetValueOrDefault(m.Groups[1].Value, "x"));

    private JsonNode? ValidBody(string method, string pattern) => (method, pattern) switch
    {
        ("POST", "/v1/chat") => JsonNode.Parse("""{"message":"融资融券的开通条件","conversationId":null,"filters":{"type":"faq","audience":"client","productCode":"ES1001","validOn":"2026-12-01","includeExpired":false},"advisorId":"demo-advisor"}"""),
        ("POST", "/v1/chat/completions") => JsonNode.Parse("""{"model":"advisor-copilot","stream":false,"messages":[{"role":"user","content":"融资融券"},{"role":"assistant","content":[{"type":"text","text":"好的"}]},{"role":"user","content":"利率？"}]}"""),
        ("POST", "/v1/compliance/check") => JsonNode.Parse("""{"text":"本产品保本保收益","language":"zh","channel":"wechat","client":{"riskClass":"C3","horizonMonths":12,"lowestClass":false},"products":[{"code":"ES4001","riskLevel":"R4","lockupMonths":6}]}"""),
        ("POST", "/v1/drafts") => System.Text.Json.JsonSerializer.SerializeToNode(DraftRequests.ProductLaunch("C3", "R3", 6), ApiJson.Web),
        ("POST", "/v1/drafts/{id}/review") => JsonNode.Parse("""{"reviewerId":"officer.zhao","decision":"request_changes","comment":"请补充风险提示。","editedText":null,"expectedVersion":1}"""),
        ("POST", "/v1/drafts/{id}/revise") => JsonNode.Parse("""{"advisorId":"demo-advisor","text":"您好，市场有波动，请关注风险。","notes":"已补充","expectedVersion":2}"""),
        ("POST", "/v1/drafts/{id}/sent") => JsonNode.Parse("""{"channelMessageId":"wx-1","expectedVersion":3}"""),
        ("PUT", "/v1/advisors/{id}") => JsonNode.Parse("""{"name":"王晓明","registrationNumber":"S0000000000001","branch":"上海","firm":"示例证券"}"""),
        ("POST", "/v1/knowledge/documents") => JsonNode.Parse("""{"id":"fuzz-doc","title":"标题","text":"# 标题\n\n正文。","type":"faq","publisher":"示例证券","published":"2026-01-01","validUntil":"2027-01-01","productCodes":["ES1001"],"riskLevel":"R2","lockupMonths":3,"audience":"client","language":"zh-CN"}"""),
        _ => null,
    };

    private static async Task SendAsync(HttpClient client, string method, string url, HttpContent? content, List<string> failures, string? name = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = content };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString("N"));
        if (url.StartsWith("/v1/chat") && name?.Length % 2 == 0) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        try
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500) failures.Add($"{method} {Short(url)} [{name}] → {(int)response.StatusCode} {Short(body)}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures.Add($"{method} {Short(url)} [{name}] → {e.GetType().Name}: {Short(e.Message)}");
        }
    }

    private static string Short(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
