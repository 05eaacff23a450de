using System.Net;
using System.Net.Http.Json;
using System.Text;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Events;
using Xunit.Abstractions;
using static Copilot.IntegrationTests.Privacy.PlantedIdentifiers;

namespace Copilot.IntegrationTests.Privacy;

/// <summary>
/// Requests full of phone, ID card, bank card and account numbers, names, emails and keys, to every kind of endpoint,
/// good and bad, with logging at Verbose: no log line of any sink holds one of them.
/// </summary>
public sealed class LogPrivacyTests(LoggedApi api, ITestOutputHelper output) : IClassFixture<LoggedApi>
{
    [Fact]
    public async Task No_planted_identifier_reaches_any_log_line()
    {
        var wang = api.As(KeyedApi.Wang);
        var crm = api.As(KeyedApi.Crm);
        var content = api.As(KeyedApi.Content);
        var responses = new List<HttpResponseMessage>
        {
            await wang.PostAsJsonAsync("/v1/chat", new { message = Message }),
            await wang.SendAsync(Sse("/v1/chat", new { message = Message })),
            await wang.PostAsJsonAsync("/v1/chat", new { message = Message, conversationId = Mobile }),
            await wang.PostAsJsonAsync("/v1/chat/completions", new { model = "advisor-copilot", messages = new[] { new { role = "user", content = Message } } }),
            await wang.PostAsJsonAsync("/v1/chat/completions", new { model = "advisor-copilot", stream = true,
                messages = new[] { new { role = "user", content = Secrets }, new { role = "assistant", content = "好的" }, new { role = "user", content = Message } } }),
            await wang.PostAsJsonAsync("/v1/chat/completions", new { model = OpenAiStyleKey, messages = new[] { new { role = "user", content = Message } } }),
            await crm.PostDraftAsync(Draft("demo-advisor"), Guid.NewGuid().ToString("N")),
            await crm.PostDraftAsync(Draft(IdCard), Guid.NewGuid().ToString("N")),
            await crm.PostDraftAsync(Draft(Email), IdCardWithX),
            await wang.PostAsJsonAsync("/v1/compliance/check", new { text = Message + Secrets, channel = "wechat" }),
            await content.PostAsJsonAsync("/v1/knowledge/documents", new { id = "kyc-note", title = $"{ClientName}的开户资料 {IdCard}", text = Message, type = "faq" }),
            await content.PostAsJsonAsync("/v1/knowledge/documents", new { id = Mobile, title = HonorificName, text = "", type = "faq" }),
            await content.PostAsync("/v1/knowledge/documents", new StringContent($"--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{IdCard}.md\"\r\n\r\n{Message}",
                Encoding.UTF8, "multipart/form-data")),
            await crm.PutAsJsonAsync($"/v1/advisors/{FundAccount}", new { name = ClientName, registrationNumber = Mobile, firm = Email }),
            await wang.PostAsync("/v1/drafts", new StringContent($"{{\"advisorId\": \"{IdCard}\", \"client\": {{\"name\": \"{ClientName}\", \"phone\": {Mobile} ", Encoding.UTF8, "application/json")),
            await wang.GetAsync($"/v1/knowledge/search?q={Mobile}%20{IdCard}&top=3"),
            await wang.GetAsync($"/v1/chat/conversations/{IdCard}"),
            await wang.GetAsync($"/v1/drafts/{BankCard}"),
            await api.As(WrongApiKey).PostAsJsonAsync("/v1/chat", new { message = Message }),
            await api.As(OpenAiStyleKey).GetAsync("/v1/me"),
            await WithHeader("X-Api-Key", IdCard).GetAsync("/v1/me"),
        };
        // Something was accepted, something refused: the scan covers both paths.
        Assert.Contains(responses, r => r.IsSuccessStatusCode);
        Assert.Contains(responses, r => (int)r.StatusCode is >= 400 and < 500);
        await LogDirectlyAsync();

        var lines = api.AllLines();
        var found = All.SelectMany(value => lines.Where(l => l.Contains(value)).Select(l => (value, l))).ToList();
        output.WriteLine($"{responses.Count} requests ({string.Join(" ", responses.Select(r => (int)r.StatusCode))}), {All.Count} planted values, {lines.Count} log lines scanned, {found.Count} found");
        Assert.True(found.Count == 0, string.Join("\n", found.Take(5).Select(f => $"{f.value} in: {f.l}")));
        // The masks show the scan looked at lines that did carry such values.
        Assert.Contains(lines, l => l.Contains("[id-card]"));
        Assert.Contains(lines, l => l.Contains("[phone]"));
    }

    [Fact]
    public async Task A_rejected_request_is_one_Warning_with_its_real_status_and_the_field_names_only()
    {
        var (response, during) = await TracedAsync(api.As(KeyedApi.Wang), Post("/v1/chat", new { message = "你好", conversationId = Mobile }));
        await ApiJson.AssertProblemAsync(response, 422, "conversationId");

        var request = Assert.Single(during, IsRequestLog);
        Assert.Equal(LogEventLevel.Warning, request.Level);
        Assert.Equal("422", request.Properties["StatusCode"].ToString());
        Assert.Contains("rejected fields: conversationId", request.RenderMessage());
        Assert.Null(request.Exception);
        Assert.DoesNotContain(during, e => e.Level >= LogEventLevel.Error || e.Exception is not null);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_Warning_naming_no_value()
    {
        var body = new HttpRequestMessage(HttpMethod.Post, "/v1/drafts") { Content = new StringContent($"{{\"advisorId\": {IdCard}x}}", Encoding.UTF8, "application/json") };
        var (response, during) = await TracedAsync(api.As(KeyedApi.Crm), body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        Assert.Equal(LogEventLevel.Warning, Assert.Single(during, IsRequestLog).Level);
        Assert.DoesNotContain(during, e => e.Level >= LogEventLevel.Error);
    }

    [Fact]
    public async Task An_unknown_key_is_a_Warning_and_the_key_is_nowhere()
    {
        var (response, during) = await TracedAsync(api.As(OpenAiStyleKey), new HttpRequestMessage(HttpMethod.Get, "/v1/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        Assert.Equal(LogEventLevel.Warning, Assert.Single(during, IsRequestLog).Level);
        Assert.DoesNotContain(during.Select(CapturedLogs.Render), l => l.Contains(OpenAiStyleKey));
    }

    [Fact]
    public async Task A_server_error_stays_Error_and_its_exception_text_is_masked()
    {
        var reply = api.OpenAi.Reply;
        api.OpenAi.Reply = _ => throw new InvalidOperationException($"model down for {Mobile}");
        try
        {
            var (response, during) = await TracedAsync(api.As(KeyedApi.Wang), Post("/v1/chat", new { message = $"客户{IdCard}的情况" }));
            Assert.True((int)response.StatusCode >= 500, $"{(int)response.StatusCode}");

            Assert.Equal(LogEventLevel.Error, Assert.Single(during, IsRequestLog).Level);
            Assert.DoesNotContain(during.Select(CapturedLogs.Render), l => l.Contains(IdCard) || l.Contains(Mobile));
        }
        finally
        {
            api.OpenAi.Reply = reply;
        }
    }

    // Sends the request under a trace of its own and returns the service's events in that trace, once its request log
    // line (written after the response) has arrived: other tests' requests may be logging at the same time.
    private async Task<(HttpResponseMessage Response, List<LogEvent> Events)> TracedAsync(HttpClient client, HttpRequestMessage request)
    {
        var trace = System.Diagnostics.ActivityTraceId.CreateRandom();
        request.Headers.Add("traceparent", $"00-{trace}-{System.Diagnostics.ActivitySpanId.CreateRandom()}-01");
        var response = await client.SendAsync(request);
        for (var attempt = 0; attempt < 600 && !api.Logs.Events.Any(e => e.TraceId == trace && IsRequestLog(e)); attempt++)
            await Task.Delay(50);
        return (response, api.Logs.Events.Where(e => e.TraceId == trace).ToList());
    }

    private static HttpRequestMessage Post(string url, object body) => new(HttpMethod.Post, url) { Content = JsonContent.Create(body) };

    // The backstop: whatever code logs — a property, a destructured object, a dictionary, an interpolated message, an
    // exception and its inner one — the sinks get it masked.
    private async Task LogDirectlyAsync()
    {
        var logger = api.Factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Copilot.Tests.Backstop");
        logger.LogWarning("Client {ClientName} called from {Phone} about card {Card}", ClientName, Mobile, BankCardSpaced);
        logger.LogInformation("Portrait {@Client}", new { Id = "c-1", Name = ClientName, Mobile = MobileWithCountryCode, Note = $"证件 {IdCardWithX}" });
        logger.LogInformation("Fields {Fields}", new Dictionary<string, object> { [Email] = FundAccount, ["account"] = ShanghaiAccount, ["long"] = long.Parse(Mobile) });
#pragma warning disable CA2254 // an interpolated message is exactly what the backstop must catch
        logger.LogError($"Failed for {HonorificName} {OldIdCard} with {Secrets}");
#pragma warning restore CA2254
        logger.LogError(new InvalidOperationException($"Could not save {IdCard}", new FormatException($"bad card {BankCard}, key {OpenAiStyleKey}")),
            "Saving {ClientId} failed", "c-1");
        await Task.Delay(100);
    }

    private static bool IsRequestLog(LogEvent e) =>
        e.Properties.TryGetValue("SourceContext", out var source) && source.ToString() == "\"Serilog.AspNetCore.RequestLoggingMiddleware\"";

    private static object Draft(string advisorId) => new
    {
        advisorId,
        client = new
        {
            id = "c-7001", name = ClientName, riskClass = "C3", horizonMonths = 36,
            holdings = new[] { new { code = "ES3001", name = "示例稳健配置混合", weight = 0.5, riskLevel = "R3" } },
            tags = new[] { Mobile, $"身份证{IdCard}" }, notes = Message, language = "zh-CN",
        },
        scenario = new { kind = "investment", code = "market_drop", notes = $"{HonorificName}留了电话{MobileWithCountryCode}和邮箱{Email}" },
        channel = "wechat",
    };

    private static HttpRequestMessage Sse(string url, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        return request;
    }

    private HttpClient WithHeader(string name, string value)
    {
        var client = api.Factory.CreateClient();
        client.DefaultRequestHeaders.Add(name, value);
        return client;
    }
}
