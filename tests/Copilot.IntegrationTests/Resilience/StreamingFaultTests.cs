using System.Net;
using System.Net.Http.Json;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Copilot.IntegrationTests.Resilience;

/// <summary>
/// Streams from a model that speaks slowly, goes silent, or drops the connection: a long answer is not cut by the
/// per-attempt timeout (1 s here), while silence and a dropped connection end the SSE stream with an error event and
/// store nothing.
/// </summary>
public sealed class StreamingFaultTests : IAsyncLifetime
{
    private readonly StreamingOpenAiServer _model = new();
    private CopilotApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new CopilotApiFactory(FaultyModelApi.Settings(new Dictionary<string, string?>
        {
            ["Knowledge:SeedOnStart"] = "false",
            ["Llm:Provider"] = "OpenAICompatible",
            ["Llm:Endpoint"] = _model.BaseUrl,
            ["Llm:ChatModel"] = FakeOpenAiServer.ChatModel,
            ["Llm:TimeoutSeconds"] = "1",
            ["Llm:StreamIdleTimeoutSeconds"] = "1",
            ["Llm:MaxRetries"] = "0",
        }));
        _client = await _factory.CreateReadyClientAsync();
        // The first call pays for JIT and connection set-up, which a 1 s attempt timeout must not see; its outcome is not under test.
        await StreamAsync();
    }

    [Fact]
    public async Task A_streamed_answer_longer_than_the_attempt_timeout_is_not_cut()
    {
        // Four pieces 400 ms apart: 1.6 s of answer against a 1 s attempt timeout, each pause within the 1 s idle timeout.
        _model.PieceDelay = TimeSpan.FromMilliseconds(400);
        var events = await StreamAsync();
        var done = Assert.Single(events, e => e.Event == "done");
        Assert.Equal(string.Concat(_model.Pieces), done.Json().Str("answer"));
        var id = done.Json().Str("conversationId");
        Assert.Equal(2, await FaultyModelApi.Query(_factory, db => db.ConversationMessages.CountAsync(m => m.ConversationId == id)));
    }

    [Fact]
    public async Task A_stream_that_goes_silent_ends_with_a_504_error_event_and_stores_nothing()
    {
        _model.End = StreamingOpenAiServer.Ending.Stall;
        var events = await StreamAsync();
        Assert.Equal(504, events[^1].Json()["status"]!.GetValue<int>());
        await AssertNothingStoredAsync(events);
    }

    [Fact]
    public async Task A_dropped_connection_mid_answer_ends_with_a_502_error_event_and_stores_nothing()
    {
        _model.End = StreamingOpenAiServer.Ending.Abort;
        var events = await StreamAsync();
        Assert.Equal(502, events[^1].Json()["status"]!.GetValue<int>());
        await AssertNothingStoredAsync(events);
    }

    private async Task AssertNothingStoredAsync(IReadOnlyList<(string Event, string Data)> events)
    {
        Assert.Equal("error", events[^1].Event);
        Assert.Contains(events, e => e.Event == "delta");
        Assert.DoesNotContain(events, e => e.Event == "done");
        var id = events[0].Json().Str("conversationId");
        Assert.False(await FaultyModelApi.Query(_factory, db => db.Conversations.AnyAsync(c => c.Id == id)));
        Assert.False(await FaultyModelApi.Query(_factory, db => db.ConversationMessages.AnyAsync(m => m.ConversationId == id)));
    }

    private async Task<IReadOnlyList<(string Event, string Data)>> StreamAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat")
        {
            Content = JsonContent.Create(new { message = "证券公司可以承诺收益吗？" }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SseReader.ReadAllAsync(response);
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _model.DisposeAsync();
    }
}
