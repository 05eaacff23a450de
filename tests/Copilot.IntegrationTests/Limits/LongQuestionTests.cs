using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Limits;

/// <summary>
/// A paragraph pasted from the compliance manual is an ordinary question. It once failed search, chat and chat
/// completions with Lucene's TooManyClauses (one clause per distinct term in five fields); over SSE it read as
/// "the language model did not answer".
/// </summary>
public sealed class LongQuestionTests(SeededTemplateApi api) : IClassFixture<SeededTemplateApi>
{
    private const string ManualId = "compliance-advisor-communication-manual";
    private readonly HttpClient _client = api.Client;

    public static TheoryData<int> Lengths() => new() { 609, 5000 };

    /// <summary>The manual's own prose from its first chapter on, cut to <paramref name="length"/> characters.</summary>
    private static string Pasted(int length)
    {
        var manual = File.ReadAllText(Path.Combine(TestPaths.KnowledgeFolder, ManualId + ".md"));
        var prose = manual[manual.IndexOf("第一条", StringComparison.Ordinal)..].Replace("\n", "");
        var text = new StringBuilder();
        while (text.Length < length) text.Append(prose);
        return text.ToString(0, length);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task Search_finds_the_manual_the_paragraph_comes_from(int length)
    {
        var response = await _client.GetAsync("/v1/knowledge/search?top=5&q=" + Uri.EscapeDataString(Pasted(length)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var results = (await response.ReadObjectAsync()).Results();
        Assert.Equal(ManualId, results[0].Str("documentId"));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task Chat_answers_and_cites_the_manual(int length)
    {
        var answer = await _client.PostJsonAsync("/v1/chat", new { message = Pasted(length) });
        Assert.Contains(answer["citations"]!.AsArray(), c => c!.Str("documentId") == ManualId);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task Streamed_chat_ends_with_done_not_error(int length)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = JsonContent.Create(new { message = Pasted(length) }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var events = await SseReader.ReadAllAsync(await _client.SendAsync(request));
        Assert.DoesNotContain(events, e => e.Event == "error");
        Assert.Equal("done", events[^1].Event);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task Chat_completions_answer_streamed_and_not(int length)
    {
        var messages = new[] { new { role = "user", content = Pasted(length) } };
        var completion = await _client.PostJsonAsync("/v1/chat/completions", new { model = "advisor-copilot", messages });
        Assert.Contains("[1]", completion["choices"]![0]!["message"]!.Str("content"));

        var streamed = await _client.PostAsJsonAsync("/v1/chat/completions", new { model = "advisor-copilot", messages, stream = true });
        var body = await streamed.Content.ReadAsStringAsync();
        Assert.True(streamed.IsSuccessStatusCode, body);
        Assert.EndsWith("data: [DONE]\n\n", body);
    }
}
