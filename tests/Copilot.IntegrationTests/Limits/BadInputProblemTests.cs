using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Limits;

/// <summary>
/// Input that used to answer 500 (nulls in lists, NaN weights, content parts that are not text, broken multipart)
/// or was forwarded in full (huge names, tags, messages, histories) is a 4xx problem naming the field by its JSON
/// path, and the problem never repeats what the caller sent.
/// </summary>
public sealed class BadInputProblemTests(LimitsApi api) : IClassFixture<LimitsApi>
{
    private readonly HttpClient _client = api.Client;

    private static JsonObject Draft() => JsonSerializer(DraftRequests.MarketDrop());

    private static JsonObject JsonSerializer(object body) => System.Text.Json.JsonSerializer.SerializeToNode(body, ApiJson.Web)!.AsObject();

    private Task<HttpResponseMessage> PostDraftAsync(JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/drafts") { Content = Json(body.ToJsonString()) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return _client.SendAsync(request);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static TheoryData<string, string> BadDrafts() => new()
    {
        { """{"client":{"holdings":[null]}}""", "client.holdings[0]" },
        { """{"products":[null]}""", "products[0]" },
        { """{"client":{"tags":[null]}}""", "client.tags[0]" },
        { """{"client":{"holdings":[{"code":"ES3001","weight":"NaN"}]}}""", "client.holdings[0].weight" },
        { """{"client":{"holdings":[{"code":"ES3001","weight":"Infinity"}]}}""", "client.holdings[0].weight" },
        { """{"client":{"holdings":[{"code":"ES3001","weight":-0.5}]}}""", "client.holdings[0].weight" },
        { """{"client":{"holdings":[{"code":"ES3001","weight":1.5}]}}""", "client.holdings[0].weight" },
        { """{"client":{"holdings":[{"code":"ES3001","weight":1e308}]}}""", "client.holdings[0].weight" },
        { """{"client":{"horizonMonths":1e30}}""", "client.horizonMonths" },
        { "{\"client\":{\"name\":\"" + new string('张', 65) + "\"}}", "client.name" },
        { "{\"client\":{\"tags\":[" + string.Join(',', Enumerable.Repeat("\"长期\"", 21)) + "]}}", "client.tags" },
        { "{\"client\":{\"tags\":[\"" + new string('长', 33) + "\"]}}", "client.tags[0]" },
        { "{\"client\":{\"holdings\":[" + string.Join(',', Enumerable.Repeat("{\"code\":\"ES1\"}", 101)) + "]}}", "client.holdings" },
        { $$"""{"products":[{{string.Join(',', Enumerable.Repeat("{\"code\":\"ES1\",\"riskLevel\":\"R1\"}", 21))}}]}""", "products" },
        { "{\"scenario\":{\"kind\":\"investment\",\"code\":\"market_drop\",\"notes\":\"" + new string('注', 2001) + "\"}}", "scenario.notes" },
    };

    /// <param name="patch">Merged into a valid draft request, one level deep per object.</param>
    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task A_bad_draft_field_is_a_400_naming_it(string patch, string field)
    {
        var body = Draft();
        foreach (var (key, value) in JsonNode.Parse(patch)!.AsObject())
        {
            if (value is JsonObject inner && body[key] is JsonObject target)
                foreach (var (k, v) in inner) target[k] = v?.DeepClone();
            else body[key] = value?.DeepClone();
        }
        await ApiJson.AssertProblemAsync(await PostDraftAsync(body), 400, field);
    }

    [Fact]
    public async Task A_thousand_tags_of_a_thousand_characters_are_refused_before_they_are_read() =>
        await ApiJson.AssertProblemAsync(await PostDraftAsync(JsonSerializer(new
        {
            advisorId = "demo-advisor", client = new { id = "c-1", name = "张先生", riskClass = "C3", tags = Enumerable.Repeat(new string('长', 1000), 1000) },
        })), 413, "body");

    public static TheoryData<string, string> BadCompletions() => new()
    {
        { """[{"role":"user","content":[{"type":"text","text":5}]}]""", "messages[0].content[0].text" },
        { """[{"role":"user","content":[1,2]}]""", "messages[0].content[0]" },
        { """[{"role":"user","content":[{"text":"no type"}]}]""", "messages[0].content[0]" },
        { """[{"role":"user","content":{"text":"an object"}}]""", "messages[0].content" },
        { """[null,{"role":"user","content":"你好"}]""", "messages[0]" },
        { $$"""[{"role":"user","content":"{{new string('问', 8001)}}"}]""", "messages[0].content" },
        { $$"""[{{string.Join(',', Enumerable.Repeat("{\"role\":\"user\",\"content\":\"还有吗\"}", 52))}}]""", "messages" },
        { $$"""[{{string.Join(',', Enumerable.Repeat($"{{\"role\":\"user\",\"content\":\"{new string('问', 7000)}\"}}", 5))}}]""", "messages" },
    };

    [Theory]
    [MemberData(nameof(BadCompletions))]
    public async Task A_bad_chat_completion_message_is_a_400_naming_it(string messages, string field) =>
        await ApiJson.AssertProblemAsync(
            await _client.PostAsync("/v1/chat/completions", Json($$"""{"model":"advisor-copilot","messages":{{messages}}}""")), 400, field);

    [Fact]
    public async Task A_chat_question_over_the_limit_is_named() =>
        await ApiJson.AssertProblemAsync(await _client.PostAsJsonAsync("/v1/chat", new { message = new string('问', 8001) }), 400, "message");

    [Fact]
    public async Task A_multipart_upload_without_a_boundary_is_a_400() =>
        await ApiJson.AssertProblemAsync(await _client.PostAsync("/v1/knowledge/documents",
            new StringContent("--x\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nfaq\r\n--x--\r\n", Encoding.UTF8, "multipart/form-data")), 400, "body");

    [Fact]
    public async Task A_truncated_multipart_upload_is_a_400()
    {
        var content = new StringContent("--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.md\"\r\nContent-Type: text/markdown\r\n\r\n# 标题\r\n正文");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b1");
        await ApiJson.AssertProblemAsync(await _client.PostAsync("/v1/knowledge/documents", content), 400, "body");
    }

    public static TheoryData<object, string> BadDocuments() => new()
    {
        { new { title = new string('标', 201), text = "正文", type = "faq" }, "title" },
        { new { title = "x", text = "正文", type = "faq", publisher = new string('社', 201) }, "publisher" },
        { new { title = "x", text = "正文", type = "faq", productCodes = Enumerable.Range(0, 51).Select(i => $"ES{i}") }, "productCodes" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task A_document_metadata_field_over_its_limit_is_named(object body, string field) =>
        await ApiJson.AssertProblemAsync(await _client.PostAsJsonAsync("/v1/knowledge/documents", body), 400, field);

    [Fact]
    public async Task A_review_comment_and_edited_text_over_their_limits_are_named()
    {
        var created = await PostDraftAsync(Draft());
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var draft = await created.ReadObjectAsync();
        var response = await _client.PostAsJsonAsync($"/v1/drafts/{draft.Str("id")}/review",
            new { reviewerId = "officer", decision = "approve", comment = new string('评', 2001), editedText = new string('改', 4001) });
        await ApiJson.AssertProblemAsync(response, 400, "comment");
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("editedText"));
    }

    [Fact]
    public async Task A_json_body_over_the_limit_is_a_413_naming_body() =>
        await ApiJson.AssertProblemAsync(await _client.PostAsJsonAsync("/v1/compliance/check", new { text = new string('字', 400_000) }), 413, "body");

    public static TheoryData<string, string, string> EchoedValues() => new()
    {
        { "/v1/chat/completions", """{"model":"13812345678","messages":[{"role":"user","content":"你好"}]}""", "13812345678" },
        { "/v1/knowledge/documents", """{"title":"x","text":"正文","type":"110101199003077777"}""", "110101199003077777" },
        { "/v1/knowledge/documents", """{"title":"x","text":"正文","type":"faq","published":"6222021234567890123"}""", "6222021234567890123" },
        { "/v1/chat", """{"message":"你好","filters":{"audience":"13812345678"}}""", "13812345678" },
        { "/v1/drafts", """{"advisorId":"demo-advisor","client":{"horizonMonths":"13812345678x"}}""", "13812345678" },
    };

    [Theory]
    [MemberData(nameof(EchoedValues))]
    public async Task A_problem_names_the_field_without_repeating_the_value(string url, string body, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json(body) };
        request.Headers.Add("Idempotency-Key", "k-" + Guid.NewGuid().ToString("N"));
        var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.DoesNotContain(value, text);
    }

    [Fact]
    public async Task A_query_value_that_cannot_bind_is_named_without_repeating_it()
    {
        var response = await _client.GetAsync("/v1/knowledge/search?q=x&top=13812345678x");
        await ApiJson.AssertProblemAsync(response, 400, "top");
        Assert.DoesNotContain("13812345678", await response.Content.ReadAsStringAsync());
    }
}
