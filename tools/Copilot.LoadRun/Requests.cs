using System.Net.Http.Json;
using System.Text;

namespace Copilot.LoadRun;

/// <summary>The requests a run sends: the service's chat and draft routes, and the fake model alone.</summary>
internal sealed class Requests(HttpClient http, string serviceUrl, string fakeUrl)
{
    private static readonly string[] Questions =
    [
        "证券公司能不能向客户承诺收益？", "内幕信息的知情人包括哪些人？", "上市公司收购要在几日内公告？",
        "证券公司开户时要核对客户哪些身份信息？", "基金托管人有哪些职责？", "客户的交易记录要保存多少年？",
        "融资融券开通要满足什么条件？", "C3级客户能买R4产品吗？", "客户投诉要在几天内处理完？", "年底营销活动能不能送礼品？",
        "What are the requirements to open Southbound Stock Connect trading?",
        "Can I share my own price target for a stock with a client by email?",
    ];

    private int _next;

    /// <summary>The exact chat request body the service last sent the model, replayed for the model-alone baseline.</summary>
    public string ModelRequest { get; set; } = """{"model":"fake-model","messages":[{"role":"user","content":"你好"}]}""";

    public async Task ChatAsync(CancellationToken ct)
    {
        var question = Questions[Interlocked.Increment(ref _next) % Questions.Length];
        using var response = await http.PostAsJsonAsync(serviceUrl + "/v1/chat", new { message = question }, ct);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsStringAsync(ct);
    }

    /// <summary>A streamed first question; returns when the first answer piece ("delta" event) arrives, then drains the rest.</summary>
    public async Task<TimeSpan> StreamFirstDeltaAsync(CancellationToken ct)
    {
        var question = Questions[Interlocked.Increment(ref _next) % Questions.Length];
        using var request = new HttpRequestMessage(HttpMethod.Post, serviceUrl + "/v1/chat") { Content = JsonContent.Create(new { message = question }) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        return (await FirstLineAsync(request, "event: delta", ct)).First;
    }

    /// <summary>The fake model alone, streamed: time to its first content chunk and to the stream's end.</summary>
    public async Task<(TimeSpan First, TimeSpan End)> ModelStreamAsync(CancellationToken ct)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(ModelRequest)!;
        json["stream"] = true;
        var body = json.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, fakeUrl + "/chat/completions")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        return await FirstLineAsync(request, "data: ", ct);
    }

    public async Task DraftAsync(CancellationToken ct)
    {
        var n = Interlocked.Increment(ref _next);
        using var request = new HttpRequestMessage(HttpMethod.Post, serviceUrl + "/v1/drafts")
        {
            Content = JsonContent.Create(new
            {
                advisorId = "demo-advisor",
                client = new
                {
                    id = $"load-{n % 500}", name = "张先生", riskClass = "C3", horizonMonths = 36,
                    holdings = new[] { new { code = "ES3001", name = "示例稳健配置混合", weight = 0.6, riskLevel = "R3" } },
                },
                scenario = new { kind = "investment", code = "market_drop" },
                channel = "wechat",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsStringAsync(ct);
    }

    public async Task ModelAloneAsync(CancellationToken ct)
    {
        using var content = new StringContent(ModelRequest, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(fakeUrl + "/chat/completions", content, ct);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsStringAsync(ct);
    }

    private async Task<(TimeSpan First, TimeSpan End)> FirstLineAsync(HttpRequestMessage request, string prefix, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        TimeSpan? first = null;
        while (await reader.ReadLineAsync(ct) is { } line)
            if (first is null && line.StartsWith(prefix, StringComparison.Ordinal) && !line.Contains("\"content\":null"))
                first = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return (first ?? throw new InvalidOperationException("The stream carried no answer piece."), System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }
}
