using System.Text;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>
/// One scripted failure of the fake model, answered instead of the next request: a status with an optional
/// Retry-After, a body that is not JSON, a stream that stops mid-answer, or a delay before the normal answer.
/// </summary>
public sealed record ModelFault(int Status = 200, string? RetryAfter = null, string? Body = null, string? ContentType = null, TimeSpan? Delay = null)
{
    public static ModelFault Http(int status, string? retryAfter = null) =>
        new(status, retryAfter, $$$"""{"error":{"message":"fake {{{status}}}","type":"server_error"}}""", "application/json");

    public static ModelFault MalformedJson { get; } = new(200, Body: """{"id":"chatcmpl-fake","choices":[{"index":0,"message":{"role":"assis""", ContentType: "application/json");

    /// <summary>Two pieces of an answer, then the body ends: no finish reason, no [DONE].</summary>
    public static ModelFault CutStream { get; } = new(200, ContentType: "text/event-stream", Body:
        """data: {"id":"c","object":"chat.completion.chunk","created":1764000000,"model":"fake-chat-model","choices":[{"index":0,"delta":{"role":"assistant","content":"根据资料，证券公司"},"finish_reason":null}]}""" + "\n\n"
        + """data: {"id":"c","object":"chat.completion.chunk","created":1764000000,"model":"fake-chat-model","choices":[{"index":0,"delta":{"content":"不得对客户"},"finish_reason":null}]}""" + "\n\n");

    public static ModelFault Slow(TimeSpan delay) => new(Delay: delay);

    /// <summary>No fault: the request is answered normally (to let one call through before a fault).</summary>
    public static ModelFault None { get; } = new();

    /// <summary>An HTTP-date Retry-After the given time from now.</summary>
    public static string HttpDate(TimeSpan fromNow) => DateTimeOffset.UtcNow.Add(fromNow).ToString("r");

    /// <summary>The response for this fault, or null when it only delays the normal answer.</summary>
    internal IResponseMessage? Respond()
    {
        if (Delay is { } delay) Thread.Sleep(delay);
        if (Body is null) return null;
        var message = new ResponseMessage
        {
            StatusCode = Status,
            BodyData = new BodyData { BodyAsString = Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        message.AddHeader("Content-Type", ContentType ?? "application/json");
        if (RetryAfter is not null) message.AddHeader("Retry-After", RetryAfter);
        return message;
    }
}
