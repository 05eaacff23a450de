using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>
/// WireMock playing the OpenAI API: chat completions (plain and streamed, with include_usage), and embeddings
/// (float or base64). Replies are scripted per test; every request is recorded.
/// </summary>
public sealed class FakeOpenAiServer : IDisposable
{
    public const string ChatModel = "fake-chat-model";
    public const string EmbeddingModel = "fake-embedding-model";
    public const int Dimensions = 64;

    private readonly WireMockServer _server;

    public FakeOpenAiServer(TimeSpan? delay = null)
    {
        _server = WireMockServer.Start();
        var chat = Response.Create().WithCallback(AnswerChat);
        var embeddings = Response.Create().WithCallback(AnswerEmbeddings);
        if (delay is { } d)
        {
            chat.WithDelay(d);
            embeddings.WithDelay(d);
        }
        _server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost()).RespondWith(chat);
        _server.Given(Request.Create().WithPath("/v1/embeddings").UsingPost()).RespondWith(embeddings);
    }

    public string BaseUrl => _server.Url + "/v1";

    /// <summary>Decides the model's reply from the request's messages; by default cites passage [1].</summary>
    public Func<IReadOnlyList<(string Role, string Content)>, string> Reply { get; set; } =
        _ => "根据资料，证券公司不得对客户证券买卖的收益作出承诺[1]。";

    /// <summary>
    /// Scripts tool calls: given the request, the functions the model calls instead of answering (name and JSON
    /// arguments), or null to answer with <see cref="Reply"/>.
    /// </summary>
    public Func<JsonObject, IReadOnlyList<(string Name, string Arguments)>?> ToolCalls { get; set; } = _ => null;

    public ConcurrentQueue<JsonObject> ChatRequests { get; } = new();

    /// <summary>When each chat request arrived (UTC), in the order of <see cref="ChatRequests"/>.</summary>
    public ConcurrentQueue<DateTime> ChatArrivalsUtc { get; } = new();

    /// <summary>Failures answered, in order, instead of the next chat requests (each is still recorded).</summary>
    public ConcurrentQueue<ModelFault> ChatFaults { get; } = new();

    /// <summary>Failures answered, in order, instead of the next embedding requests.</summary>
    public ConcurrentQueue<ModelFault> EmbeddingFaults { get; } = new();

    /// <summary>Scripts the next chat requests to fail as given.</summary>
    public void FailNextChats(params ModelFault[] faults)
    {
        foreach (var fault in faults) ChatFaults.Enqueue(fault);
    }

    public ConcurrentQueue<JsonObject> EmbeddingRequests { get; } = new();

    private IResponseMessage AnswerChat(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body!)!.AsObject();
        ChatArrivalsUtc.Enqueue(DateTime.UtcNow);
        ChatRequests.Enqueue(body);
        if (ChatFaults.TryDequeue(out var fault) && fault.Respond() is { } failed) return failed;
        var messages = body["messages"]!.AsArray()
            .Select(m => (m!["role"]!.GetValue<string>(), ContentOf(m["content"]))).ToList();
        var stream = body["stream"]?.GetValue<bool>() == true;
        if (ToolCalls(body) is { Count: > 0 } calls)
            return stream ? Sse(StreamedToolCalls(calls)) : Json(ToolCallCompletion(calls));
        var reply = Reply(messages);
        return stream ? Sse(StreamedChat(reply, body["stream_options"]?["include_usage"]?.GetValue<bool>() == true)) : Json(Completion(reply));
    }

    private IResponseMessage AnswerEmbeddings(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body!)!.AsObject();
        EmbeddingRequests.Enqueue(body);
        if (EmbeddingFaults.TryDequeue(out var fault) && fault.Respond() is { } failed) return failed;
        var inputs = body["input"] is JsonArray array ? array.Select(i => i!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Embed(inputs[i]);
            JsonNode embedding = base64
                ? Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan()))
                : new JsonArray(vector.Select(v => (JsonNode)v).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }
        return Json(new JsonObject
        {
            ["object"] = "list", ["data"] = data, ["model"] = EmbeddingModel,
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Sum(s => s.Length), ["total_tokens"] = inputs.Sum(s => s.Length) },
        });
    }

    /// <summary>A deterministic embedding: hashed character pairs, normalised, so texts that share words are near.</summary>
    public static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        for (var i = 0; i + 1 < text.Length; i++)
            vector[(int)((uint)HashCode.Combine(text[i], text[i + 1]) % Dimensions)] += 1;
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? vector : vector.Select(v => v / norm).ToArray();
    }

    private static JsonArray ToolCallArray(IReadOnlyList<(string Name, string Arguments)> calls) =>
        new(calls.Select((call, i) => (JsonNode)new JsonObject
        {
            ["index"] = i, ["id"] = $"call_{Guid.NewGuid():N}", ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments },
        }).ToArray());

    private static JsonObject ToolCallCompletion(IReadOnlyList<(string Name, string Arguments)> calls) => new()
    {
        ["id"] = "chatcmpl-fake", ["object"] = "chat.completion", ["created"] = 1764000000, ["model"] = ChatModel,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0, ["finish_reason"] = "tool_calls",
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = ToolCallArray(calls) },
        }),
        ["usage"] = Usage(""),
    };

    private static string StreamedToolCalls(IReadOnlyList<(string Name, string Arguments)> calls)
    {
        JsonObject Chunk(JsonObject delta, string? finish) => new()
        {
            ["id"] = "chatcmpl-fake", ["object"] = "chat.completion.chunk", ["created"] = 1764000000, ["model"] = ChatModel,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        };
        return $"data: {Chunk(new JsonObject { ["role"] = "assistant", ["tool_calls"] = ToolCallArray(calls) }, null).ToJsonString()}\n\n"
            + $"data: {Chunk(new JsonObject(), "tool_calls").ToJsonString()}\n\n"
            + "data: [DONE]\n\n";
    }

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>())),
        _ => "",
    };

    private static JsonObject Completion(string reply) => new()
    {
        ["id"] = "chatcmpl-fake", ["object"] = "chat.completion", ["created"] = 1764000000, ["model"] = ChatModel,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0, ["finish_reason"] = "stop",
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply },
        }),
        ["usage"] = Usage(reply),
    };

    private static string StreamedChat(string reply, bool includeUsage)
    {
        var events = new StringBuilder();
        void Send(JsonNode node) => events.Append("data: ").Append(node.ToJsonString()).Append("\n\n");
        JsonObject Chunk(JsonObject delta, string? finish) => new()
        {
            ["id"] = "chatcmpl-fake", ["object"] = "chat.completion.chunk", ["created"] = 1764000000, ["model"] = ChatModel,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        };
        var pieces = reply.Chunk(Math.Max(1, reply.Length / 3)).Select(c => new string(c)).ToList();
        Send(Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null));
        foreach (var piece in pieces) Send(Chunk(new JsonObject { ["content"] = piece }, null));
        Send(Chunk(new JsonObject(), "stop"));
        if (includeUsage)
            Send(new JsonObject
            {
                ["id"] = "chatcmpl-fake", ["object"] = "chat.completion.chunk", ["created"] = 1764000000, ["model"] = ChatModel,
                ["choices"] = new JsonArray(), ["usage"] = Usage(reply),
            });
        events.Append("data: [DONE]\n\n");
        return events.ToString();
    }

    private static JsonObject Usage(string reply) =>
        new() { ["prompt_tokens"] = 100, ["completion_tokens"] = reply.Length, ["total_tokens"] = 100 + reply.Length };

    private static ResponseMessage Json(JsonNode body) => Message(body.ToJsonString(), "application/json");

    private static ResponseMessage Sse(string body) => Message(body, "text/event-stream");

    private static ResponseMessage Message(string body, string contentType)
    {
        var message = new ResponseMessage
        {
            StatusCode = 200,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        message.AddHeader("Content-Type", contentType);
        return message;
    }

    public void Dispose() => _server.Stop();
}
