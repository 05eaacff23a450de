using System.Net;
using System.Net.Http.Json;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Auth;

/// <summary>With keys configured, every call needs one, and each key may do what its role is for.</summary>
public sealed class ApiKeyTests(KeyedApi api) : IClassFixture<KeyedApi>
{
    [Theory]
    [InlineData("/v1/drafts")]
    [InlineData("/v1/knowledge/search?q=融资融券")]
    [InlineData("/v1/me")]
    [InlineData("/v1/models")]
    public async Task A_call_without_a_key_is_401_with_a_problem_saying_how_to_send_one(string path)
    {
        var response = await api.Factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Api-Key", (await response.ReadObjectAsync()).Str("detail"));
    }

    [Fact]
    public async Task A_streaming_client_without_a_key_gets_the_401_problem_too()
    {
        // An SSE client accepts only text/event-stream; the problem writers refuse that Accept, which once made this a 500.
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = JsonContent.Create(new { message = "科创板开户要求" }) };
        request.Headers.Accept.ParseAdd("text/event-stream");

        var response = await api.Factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await response.ReadObjectAsync())["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_key_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.As("key-made-up").GetAsync("/v1/me")).StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/review.html")]
    [InlineData("/")]
    public async Task Probes_the_api_description_and_the_pages_need_no_key(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await api.Factory.CreateClient().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_key()
    {
        var document = await api.Factory.CreateClient().GetObjectAsync("/openapi/v1.json");
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["apiKey"]!.Str("scheme"));
        Assert.True(document["security"]!.AsArray()[0]!.AsObject().ContainsKey("apiKey"));
    }

    [Fact]
    public async Task A_key_in_the_x_api_key_header_works_like_a_bearer_token()
    {
        var client = api.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", KeyedApi.Officer);

        var me = await client.GetObjectAsync("/v1/me");

        Assert.Equal("officer.zhao", me.Str("name"));
        Assert.Equal("Compliance", me.Str("role"));
        Assert.Equal("api-key", me.Str("authentication"));
    }

    [Fact]
    public async Task An_advisor_drafts_as_itself_and_not_as_another_advisor()
    {
        var wang = api.As(KeyedApi.Wang);

        var draft = await wang.CreateDraftAsync(WithoutAdvisor(DraftRequests.MarketDrop(clientId: "c-own")));
        Assert.Equal("demo-advisor", draft.Str("advisorId"));
        Assert.Contains("王晓明", draft.Str("text"));

        await ApiJson.AssertProblemAsync(await wang.PostDraftAsync(DraftRequests.MarketDrop(advisorId: "a-qian"), Guid.NewGuid().ToString("N")), 403, "advisorId");
    }

    [Fact]
    public async Task An_advisor_sees_only_its_own_drafts_and_their_audit()
    {
        var mine = await api.As(KeyedApi.Wang).CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-wang"));
        var theirs = await api.As(KeyedApi.Qian).CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-qian", advisorId: "a-qian"));
        var qian = api.As(KeyedApi.Qian);

        Assert.Equal(HttpStatusCode.NotFound, (await qian.GetAsync($"/v1/drafts/{mine.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qian.GetAsync($"/v1/drafts/{mine.Str("id")}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await qian.GetAsync($"/v1/drafts/{theirs.Str("id")}/audit")).StatusCode);
        var listed = (await qian.GetObjectAsync("/v1/drafts?pageSize=200"))["drafts"]!.AsArray().Select(d => d!.Str("advisorId")).Distinct();
        Assert.Equal(["a-qian"], listed);
        await ApiJson.AssertProblemAsync(await qian.GetAsync("/v1/drafts?advisorId=demo-advisor"), 403, "advisorId");

        // Compliance sees every advisor's drafts.
        var all = (await api.As(KeyedApi.Officer).GetObjectAsync("/v1/drafts?pageSize=200"))["drafts"]!.AsArray().Select(d => d!.Str("id")).ToList();
        Assert.Contains(mine.Str("id"), all);
        Assert.Contains(theirs.Str("id"), all);
    }

    [Fact]
    public async Task Only_compliance_decides_and_the_audit_trail_names_the_key_not_what_the_body_claims()
    {
        var id = (await api.As(KeyedApi.Wang).CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-self-approve"))).Str("id");

        Assert.Equal(HttpStatusCode.Forbidden, (await api.As(KeyedApi.Wang).ReviewAsync(id, "approve", "我自己批了")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.As(KeyedApi.Crm).ReviewAsync(id, "approve", "系统批了")).StatusCode);
        var officer = api.As(KeyedApi.Officer);
        // DraftClient claims "officer-1"; the key is officer.zhao's.
        await ApiJson.AssertProblemAsync(await officer.ReviewAsync(id, "approve", "内容合规"), 403, "reviewerId");
        (await officer.PostAsJsonAsync($"/v1/drafts/{id}/review", new { decision = "approve", comment = "内容合规" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, (await api.As(KeyedApi.Wang).PostAsJsonAsync($"/v1/drafts/{id}/sent", new { })).StatusCode);
        (await api.As(KeyedApi.Crm).PostAsJsonAsync($"/v1/drafts/{id}/sent", new { channelMessageId = "wx-1" })).EnsureSuccessStatusCode();

        var actors = (await officer.GetFromJsonAsync<List<AuditEntry>>($"/v1/drafts/{id}/audit", ApiJson.Web))!.Select(a => (a.Action, a.Actor)).ToList();
        // The advisor's key created it: the audit names the key, not the advisor it acts for.
        Assert.Equal([("created", "wang.xiaoming"), ("approve", "officer.zhao"), ("sent", "crm-prod")], actors);
    }

    [Fact]
    public async Task Only_the_drafts_own_advisor_revises_it()
    {
        var id = (await api.As(KeyedApi.Wang).CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-revise"))).Str("id");
        (await api.As(KeyedApi.Officer).PostAsJsonAsync($"/v1/drafts/{id}/review", new { decision = "request_changes", comment = "语气再温和些" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, (await api.As(KeyedApi.Officer).PostAsJsonAsync($"/v1/drafts/{id}/revise", new { text = "改好了" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.As(KeyedApi.Qian).PostAsJsonAsync($"/v1/drafts/{id}/revise", new { text = "改好了" })).StatusCode);
        var revised = await api.As(KeyedApi.Wang).PostJsonAsync($"/v1/drafts/{id}/revise", new { text = "张先生您好，市场短期波动难以预测，建议结合自身风险承受能力审视配置。" });
        Assert.Equal("PendingReview", revised.Str("status"));
    }

    [Fact]
    public async Task An_advisors_conversation_is_not_reachable_with_another_advisors_key()
    {
        var wang = await api.As(KeyedApi.Wang).PostJsonAsync("/v1/chat", new { message = "融资融券的利率是多少？" });
        var conversation = wang.Str("conversationId");

        Assert.Equal(HttpStatusCode.OK, (await api.As(KeyedApi.Wang).GetAsync($"/v1/chat/conversations/{conversation}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.As(KeyedApi.Qian).GetAsync($"/v1/chat/conversations/{conversation}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.As(KeyedApi.Content).GetAsync($"/v1/chat/conversations/{conversation}")).StatusCode);
        await ApiJson.AssertProblemAsync(
            await api.As(KeyedApi.Qian).PostAsJsonAsync("/v1/chat", new { message = "继续", conversationId = conversation }), 422, "conversationId");
        await ApiJson.AssertProblemAsync(
            await api.As(KeyedApi.Officer).PostAsJsonAsync("/v1/chat", new { message = "张先生的情况", advisorId = "demo-advisor" }), 403, "advisorId");
    }

    [Fact]
    public async Task Knowledge_is_managed_by_content_operations_and_read_by_everyone()
    {
        var document = new { id = "note-auth", title = "两融利率说明", text = "融资融券利率按年化计算，以合同约定为准。", type = "faq", audience = "internal" };

        Assert.Equal(HttpStatusCode.Forbidden, (await api.As(KeyedApi.Wang).PostAsJsonAsync("/v1/knowledge/documents", document)).StatusCode);
        (await api.As(KeyedApi.Content).PostAsJsonAsync("/v1/knowledge/documents", document)).EnsureSuccessStatusCode();
        var hits = await api.As(KeyedApi.Wang).GetObjectAsync("/v1/knowledge/search?q=融资融券利率");
        Assert.Contains(hits.Results(), r => r.Str("documentId") == "note-auth");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.As(KeyedApi.Officer).DeleteAsync("/v1/knowledge/documents/note-auth")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.As(KeyedApi.Content).DeleteAsync("/v1/knowledge/documents/note-auth")).StatusCode);
    }

    [Fact]
    public async Task Idempotency_keys_belong_to_their_caller()
    {
        var key = Guid.NewGuid().ToString("N");

        var crm = await api.As(KeyedApi.Crm).PostDraftAsync(DraftRequests.MarketDrop(clientId: "c-crm"), key);
        var wang = await api.As(KeyedApi.Wang).PostDraftAsync(DraftRequests.MarketDrop(clientId: "c-other-body"), key);

        Assert.Equal(HttpStatusCode.Created, crm.StatusCode);
        Assert.Equal(HttpStatusCode.Created, wang.StatusCode);
        Assert.NotEqual((await crm.ReadObjectAsync()).Str("id"), (await wang.ReadObjectAsync()).Str("id"));
    }

    private static Dictionary<string, object?> WithoutAdvisor(object request)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(request)!.AsObject();
        body.Remove("advisorId");
        return body.ToDictionary(p => p.Key, p => (object?)p.Value);
    }

    private sealed record AuditEntry(string Action, string Actor);
}
