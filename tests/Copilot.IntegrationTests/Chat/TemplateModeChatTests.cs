using System.Net.Http.Headers;
using System.Net.Http.Json;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Chat;

/// <summary>Without a model, chat still answers: it quotes the best passages with citations and says no model wrote it.</summary>
public sealed class TemplateModeChatTests(SeededTemplateApi api) : IClassFixture<SeededTemplateApi>
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task Answers_quote_the_knowledge_base_with_citations_and_say_template()
    {
        var answer = await _client.PostJsonAsync("/v1/chat", new { message = "C2级客户能买R3的产品吗？" });
        Assert.Equal("template", answer.Str("generator"));
        Assert.StartsWith("（未配置语言模型", answer.Str("answer"));
        var citations = answer["citations"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.InRange(citations.Count, 1, 5);
        Assert.Equal(Enumerable.Range(1, citations.Count), citations.Select(c => c["index"]!.GetValue<int>()));
        Assert.Contains(citations, c => c.Str("documentId") == "compliance-advisor-communication-manual");
        Assert.All(citations, c => Assert.Contains($"[{c["index"]}]", answer.Str("answer")));
        Assert.StartsWith("conv_", answer.Str("conversationId"));
    }

    [Fact]
    public async Task The_suitability_question_quotes_the_matching_rule_and_table_row_not_the_start_of_the_article()
    {
        var answer = (await _client.PostJsonAsync("/v1/chat", new { message = "C2级客户能买R3的产品吗？" })).Str("answer");

        Assert.Contains("例如，C2级客户不得购买R3级产品", answer);
        Assert.Contains("> | 客户等级 | 可购买的产品风险等级 |\n> | --- | --- |\n> | C2（谨慎型） | R1、R2 |", answer);
        Assert.DoesNotContain("| C5（激进型）", answer);
    }

    [Fact]
    public async Task English_questions_get_the_english_notice()
    {
        var answer = await _client.PostJsonAsync("/v1/chat", new { message = "What is the lock-up period of the ES5003 note?" });
        Assert.StartsWith("(No language model is configured", answer.Str("answer"));
        Assert.Contains(answer["citations"]!.AsArray(), c => c!.Str("documentId") == "product-es5003-leveraged-asia-credit-note-en");
    }

    [Fact]
    public async Task Follow_ups_use_the_conversation_and_the_conversation_persists()
    {
        var first = await _client.PostJsonAsync("/v1/chat", new { message = "融资融券的开通条件是什么？" });
        var id = first.Str("conversationId");
        var second = await _client.PostJsonAsync("/v1/chat", new { message = "利率是多少？", conversationId = id });
        Assert.Equal(id, second.Str("conversationId"));
        // The follow-up alone says nothing about margin trading; the condensed query carries the topic over.
        Assert.Contains(second["citations"]!.AsArray(), c => c!.Str("documentId") == "faq-margin-trading");

        var conversation = await _client.GetObjectAsync($"/v1/chat/conversations/{id}");
        var messages = conversation["messages"]!.AsArray();
        Assert.Equal(["user", "assistant", "user", "assistant"], messages.Select(m => m!.Str("role")));
        Assert.Equal("利率是多少？", messages[2]!.Str("content"));
        Assert.Equal("template", messages[3]!.Str("generator"));
        Assert.NotEmpty(messages[3]!["citations"]!.AsArray());
    }

    [Fact]
    public async Task Streams_start_deltas_and_a_final_event_with_citations()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = JsonContent.Create(new { message = "科创板开户要求" }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = await SseReader.ReadAllAsync(response);

        Assert.Equal("start", events[0].Event);
        Assert.Equal("template", events[0].Json().Str("generator"));
        Assert.Equal("done", events[^1].Event);
        var done = events[^1].Json();
        var streamed = string.Concat(events.Where(e => e.Event == "delta").Select(e => e.Json().Str("text")));
        Assert.Equal(done.Str("answer"), streamed);
        Assert.Contains(done["citations"]!.AsArray(), c => c!.Str("documentId") == "faq-star-chinext-access");
        Assert.Equal(events[0].Json().Str("conversationId"), done.Str("conversationId"));
    }

    [Fact]
    public async Task Empty_question_is_a_400_naming_message() =>
        await ApiJson.AssertProblemAsync(await _client.PostAsJsonAsync("/v1/chat", new { message = " " }), 400, "message");

    [Fact]
    public async Task Unknown_conversation_is_a_422_naming_conversationId() =>
        await ApiJson.AssertProblemAsync(
            await _client.PostAsJsonAsync("/v1/chat", new { message = "你好", conversationId = "conv_missing" }), 422, "conversationId");

    [Fact]
    public async Task Unknown_filter_type_is_named_with_its_path() =>
        await ApiJson.AssertProblemAsync(
            await _client.PostAsJsonAsync("/v1/chat", new { message = "你好", filters = new { type = "gossip" } }), 400, "filters.type");

    [Fact]
    public async Task Expired_documents_are_left_out_of_answers()
    {
        var answer = await _client.PostJsonAsync("/v1/chat", new { message = "新客户佣金优惠活动 2025" });
        Assert.DoesNotContain(answer["citations"]!.AsArray(), c => c!.Str("documentId") == "faq-new-client-commission-promo-2025");
    }
}
