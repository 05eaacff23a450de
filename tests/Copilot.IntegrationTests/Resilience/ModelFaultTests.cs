using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Copilot.IntegrationTests.Resilience;

/// <summary>
/// The fake model fails as real ones do — 429 with and without Retry-After, bursts of 500, timeouts, malformed JSON,
/// cut streams, embeddings down — and each request ends in a retry that succeeds or a problem that says why, with
/// nothing half-written left in the records or the index.
/// </summary>
public sealed class ModelFaultTests(FaultyModelApi api) : IClassFixture<FaultyModelApi>
{
    private FakeOpenAiServer OpenAi => api.OpenAi;

    private HttpClient Client => api.Client;

    private static object Question => new { message = "证券公司可以承诺收益吗？", advisorId = "demo-advisor" };

    [Fact]
    public async Task A_429_with_Retry_After_in_seconds_is_waited_out_and_retried()
    {
        var before = OpenAi.ChatRequests.Count;
        OpenAi.FailNextChats(ModelFault.Http(429, retryAfter: "1"));
        var clock = Stopwatch.StartNew();
        var answer = await Client.PostJsonAsync("/v1/chat", Question);
        Assert.Contains("不得", answer.Str("answer"));
        Assert.Equal(2, OpenAi.ChatRequests.Count - before);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, before the 1 s the model asked for");
    }

    [Fact]
    public async Task A_429_with_Retry_After_as_an_HTTP_date_is_waited_out_and_retried()
    {
        var before = OpenAi.ChatRequests.Count;
        OpenAi.FailNextChats(ModelFault.Http(429, retryAfter: ModelFault.HttpDate(TimeSpan.FromSeconds(2))));
        var clock = Stopwatch.StartNew();
        await Client.PostJsonAsync("/v1/chat", Question);
        Assert.Equal(2, OpenAi.ChatRequests.Count - before);
        // The date has whole seconds: two seconds from now is at least one second away.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, before the date the model named");
    }

    [Fact]
    public async Task A_429_without_Retry_After_is_retried_with_backoff()
    {
        var before = OpenAi.ChatRequests.Count;
        OpenAi.FailNextChats(ModelFault.Http(429), ModelFault.Http(429));
        await Client.PostJsonAsync("/v1/chat", Question);
        Assert.Equal(3, OpenAi.ChatRequests.Count - before);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_cap_is_not_waited_and_the_caller_hears_when_to_come_back()
    {
        var before = OpenAi.ChatRequests.Count;
        var conversations = await api.QueryAsync(db => db.Conversations.CountAsync());
        OpenAi.FailNextChats(ModelFault.Http(429, retryAfter: "120"));
        var response = await Client.PostAsJsonAsync("/v1/chat", Question);
        var problem = await AssertModelProblemAsync(response, 503, "rate-limiting");
        Assert.Equal(1, OpenAi.ChatRequests.Count - before);
        Assert.Equal(TimeSpan.FromSeconds(120), response.Headers.RetryAfter?.Delta);
        Assert.Equal(conversations, await api.QueryAsync(db => db.Conversations.CountAsync()));
        Assert.Contains("rate-limiting", problem.Str("detail"));
    }

    [Fact]
    public async Task A_burst_of_500_shorter_than_the_retries_is_absorbed()
    {
        OpenAi.FailNextChats(ModelFault.Http(500), ModelFault.Http(502));
        var draft = await Client.CreateDraftAsync(DraftRequests.MarketDrop(clientId: "c-burst-short"));
        Assert.Equal($"llm:{FakeOpenAiServer.ChatModel}", draft.Str("generator"));
        Assert.Empty(OpenAi.ChatFaults);
    }

    [Fact]
    public async Task A_burst_of_500_longer_than_the_retries_is_a_502_and_leaves_no_draft_and_a_free_idempotency_key()
    {
        var audits = await api.QueryAsync(db => db.AuditRecords.CountAsync());
        OpenAi.FailNextChats(ModelFault.Http(500), ModelFault.Http(500), ModelFault.Http(503));
        var key = Guid.NewGuid().ToString("N");
        var request = DraftRequests.MarketDrop(clientId: "c-burst-long");
        await AssertModelProblemAsync(await Client.PostDraftAsync(request, key), 502, "HTTP 503");
        Assert.Equal(0, await api.QueryAsync(db => db.Drafts.CountAsync(d => d.ClientId == "c-burst-long")));
        Assert.Equal(audits, await api.QueryAsync(db => db.AuditRecords.CountAsync()));

        // The same key after the model recovers: a fresh draft, not a 409 or a replay of the failure.
        var retried = await Client.PostDraftAsync(request, key);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(1, await api.QueryAsync(db => db.Drafts.CountAsync(d => d.ClientId == "c-burst-long")));
    }

    [Fact]
    public async Task A_slow_attempt_is_abandoned_at_the_attempt_timeout_and_retried()
    {
        OpenAi.FailNextChats(ModelFault.Slow(TimeSpan.FromSeconds(3)));
        var answer = await Client.PostJsonAsync("/v1/chat", Question);
        Assert.Contains("不得", answer.Str("answer"));
    }

    [Fact]
    public async Task A_model_that_never_answers_in_time_is_a_504_and_leaves_no_conversation()
    {
        var conversations = await api.QueryAsync(db => db.Conversations.CountAsync());
        OpenAi.FailNextChats(Enumerable.Repeat(ModelFault.Slow(TimeSpan.FromSeconds(3)), 3).ToArray());
        await AssertModelProblemAsync(await Client.PostAsJsonAsync("/v1/chat", Question), 504, "in time");
        Assert.Equal(conversations, await api.QueryAsync(db => db.Conversations.CountAsync()));
    }

    [Fact]
    public async Task Malformed_JSON_from_the_model_is_a_502_and_leaves_no_draft()
    {
        OpenAi.FailNextChats(ModelFault.MalformedJson);
        await AssertModelProblemAsync(await Client.PostDraftAsync(DraftRequests.MarketDrop(clientId: "c-malformed"), Guid.NewGuid().ToString("N")), 502, "malformed");
        Assert.Equal(0, await api.QueryAsync(db => db.Drafts.CountAsync(d => d.ClientId == "c-malformed")));
    }

    [Fact]
    public async Task A_stream_cut_mid_answer_ends_with_an_error_event_and_stores_no_half_answer()
    {
        // A conversation with one good turn, then a turn whose stream stops after two pieces.
        var first = await Client.PostJsonAsync("/v1/chat", Question);
        var conversationId = first.Str("conversationId");
        OpenAi.FailNextChats(ModelFault.None, ModelFault.CutStream); // the condenser answers, the answer is cut
        var events = await StreamAsync(new { message = "那基金经理呢？", conversationId, advisorId = "demo-advisor" });

        Assert.Contains(events, e => e.Event == "delta");
        Assert.DoesNotContain(events, e => e.Event == "done");
        var error = events[^1];
        Assert.Equal("error", error.Event);
        Assert.Equal(502, error.Json()["status"]!.GetValue<int>());
        Assert.Contains("cut off", error.Json().Str("detail"));
        Assert.Equal(2, await api.QueryAsync(db => db.ConversationMessages.CountAsync(m => m.ConversationId == conversationId)));
    }

    [Fact]
    public async Task A_first_turn_cut_mid_answer_leaves_no_conversation_behind()
    {
        OpenAi.FailNextChats(ModelFault.CutStream);
        var events = await StreamAsync(Question);
        var conversationId = events[0].Json().Str("conversationId");
        Assert.Equal("error", events[^1].Event);
        Assert.False(await api.QueryAsync(db => db.Conversations.AnyAsync(c => c.Id == conversationId)));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/v1/chat/conversations/{conversationId}")).StatusCode);
    }

    [Fact]
    public async Task An_office_assistants_stream_cut_mid_answer_ends_with_an_error_not_a_short_answer()
    {
        OpenAi.FailNextChats(ModelFault.CutStream);
        var response = await Client.PostAsJsonAsync("/v1/chat/completions",
            new { model = "advisor-copilot", stream = true, messages = new[] { new { role = "user", content = "证券公司可以承诺收益吗？" } } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"error\"", body);
        Assert.Contains("cut off", body);
        Assert.DoesNotContain("[DONE]", body);
        Assert.DoesNotContain("\"finish_reason\":\"stop\"", body);
    }

    [Fact]
    public async Task Embeddings_down_during_ingestion_is_a_502_and_the_previous_version_stays_searchable()
    {
        var before = await Client.GetObjectAsync($"/v1/knowledge/documents/{FaultyModelApi.DocumentId}");
        foreach (var _ in Enumerable.Range(0, 3)) OpenAi.EmbeddingFaults.Enqueue(ModelFault.Http(500));
        var response = await Client.PostAsJsonAsync("/v1/knowledge/documents", new
        {
            id = FaultyModelApi.DocumentId, title = "承诺收益的禁止（修订）", type = "compliance", text = "# 修订\n\n全新的第二版内容，关于客户回访的安排。",
        });
        await AssertModelProblemAsync(response, 502, "HTTP 500");

        var after = await Client.GetObjectAsync($"/v1/knowledge/documents/{FaultyModelApi.DocumentId}");
        Assert.Equal(before["version"]!.GetValue<int>(), after["version"]!.GetValue<int>());
        Assert.Equal("承诺收益的禁止", after.Str("title"));
        var search = await Client.GetObjectAsync("/v1/knowledge/search?q=" + Uri.EscapeDataString("赔偿证券买卖的损失"));
        Assert.Contains(search.Results(), r => r.Str("documentId") == FaultyModelApi.DocumentId && r.Str("text").Contains("赔偿证券买卖的损失"));
        var revised = await Client.GetObjectAsync("/v1/knowledge/search?q=" + Uri.EscapeDataString("客户回访的安排"));
        Assert.DoesNotContain(revised.Results(), r => r.Str("text").Contains("客户回访"));
    }

    private async Task<IReadOnlyList<(string Event, string Data)>> StreamAsync(object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SseReader.ReadAllAsync(response);
    }

    internal static async Task<System.Text.Json.Nodes.JsonObject> AssertModelProblemAsync(HttpResponseMessage response, int status, string reason)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.Contains(reason, problem.Str("detail"));
        return problem;
    }
}
