using System.Net.Http.Headers;
using System.Net.Http.Json;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Chat;

/// <summary>With a model (WireMock playing OpenAI), answers come from the model, grounded in passages it is given, cited as [n].</summary>
[Collection(nameof(SeededModelApi))]
public sealed class ModelModeChatTests(SeededModelApi api)
{
    private readonly HttpClient _client = api.Client;
    private readonly FakeOpenAiServer _openAi = api.OpenAi;

    [Fact]
    public async Task The_model_answers_from_the_retrieved_passages_and_its_citations_are_returned()
    {
        string? systemPrompt = null;
        _openAi.Reply = messages =>
        {
            systemPrompt = messages[0].Content;
            return "C2级客户最高只能购买R2级产品，不能购买R3产品[1]。";
        };
        var answer = await _client.PostJsonAsync("/v1/chat", new { message = "C2级客户能买R3的产品吗？" });

        Assert.Equal($"llm:{FakeOpenAiServer.ChatModel}", answer.Str("generator"));
        Assert.Equal("C2级客户最高只能购买R2级产品，不能购买R3产品[1]。", answer.Str("answer"));
        var citation = Assert.Single(answer["citations"]!.AsArray())!;
        Assert.Equal(1, citation["index"]!.GetValue<int>());
        // The system prompt is the rendered prompts/chat-answer with the passages numbered; [1] is what was cited.
        Assert.NotNull(systemPrompt);
        Assert.Contains("ONLY the numbered passages", systemPrompt);
        Assert.Contains("[1] 《" + citation.Str("title") + "》", systemPrompt);
        Assert.Contains("示例证券", systemPrompt);
        // A caller waiting for the whole answer gets it asked for whole: no stream to parse piece by piece.
        Assert.NotEqual(true, _openAi.ChatRequests.Last()["stream"]?.GetValue<bool>());
    }

    [Fact]
    public async Task An_answer_that_cites_nothing_returns_no_citations()
    {
        _openAi.Reply = _ => "知识库中没有找到能回答这个问题的内容。";
        var answer = await _client.PostJsonAsync("/v1/chat", new { message = "明天上证指数收盘点位是多少？" });
        Assert.Empty(answer["citations"]!.AsArray());
        Assert.Equal($"llm:{FakeOpenAiServer.ChatModel}", answer.Str("generator"));
    }

    [Fact]
    public async Task Follow_ups_are_condensed_by_the_model_before_retrieval()
    {
        _openAi.Reply = messages => messages.Count == 1 && messages[0].Content.Contains("Standalone question")
            ? "融资融券的融资利率是多少？"
            : messages.Count == 1 && messages[0].Content.Contains("Query in statutory terms")
                ? "融资融券 融资利率"
                : "融资年利率为5.60%[1]。";
        var first = await _client.PostJsonAsync("/v1/chat", new { message = "融资融券开通要什么条件？" });
        _openAi.ChatRequests.Clear();

        var second = await _client.PostJsonAsync("/v1/chat", new { message = "利率呢？", conversationId = first.Str("conversationId") });

        var requests = _openAi.ChatRequests.ToList();
        // Condensed, rewritten into the statutes' words (searched beside it), then answered.
        Assert.Equal(3, requests.Count);
        var condense = requests[0]["messages"]!.AsArray()[0]!["content"]!.ToString();
        Assert.Contains("融资融券开通要什么条件？", condense);
        Assert.Contains("Last message (data):\n<data-", condense);
        Assert.Contains("kind=\"employee-message\">\n利率呢？\n</data-", condense);
        // The answer request carries the history as turns, and retrieval used the condensed question.
        Assert.Contains("融资融券的融资利率是多少？", requests[1]["messages"]!.AsArray()[0]!["content"]!.ToString());
        var answerMessages = requests[2]["messages"]!.AsArray();
        Assert.Equal(["system", "user", "assistant", "user"], answerMessages.Select(m => m!["role"]!.ToString()));
        Assert.Equal("faq-margin-trading", second["citations"]!.AsArray()[0]!.Str("documentId"));
    }

    [Fact]
    public async Task Streaming_relays_the_models_pieces_and_ends_with_citations()
    {
        _openAi.Reply = _ => "科创板要求前20个交易日日均资产不低于50万元并有24个月交易经验[1]。";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = JsonContent.Create(new { message = "科创板开通门槛" }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var events = await SseReader.ReadAllAsync(response);

        var deltas = events.Where(e => e.Event == "delta").Select(e => e.Json().Str("text")).ToList();
        Assert.True(deltas.Count >= 3, "the fake model streams the reply in three or more pieces");
        Assert.Equal("科创板要求前20个交易日日均资产不低于50万元并有24个月交易经验[1]。", string.Concat(deltas));
        var done = events[^1];
        Assert.Equal("done", done.Event);
        Assert.Single(done.Json()["citations"]!.AsArray());
        Assert.Equal($"llm:{FakeOpenAiServer.ChatModel}", done.Json().Str("generator"));
        Assert.True(_openAi.ChatRequests.Last()["stream"]!.GetValue<bool>());
    }
}

[CollectionDefinition(nameof(SeededModelApi))]
public sealed class SeededModelApiCollection : ICollectionFixture<SeededModelApi>;
