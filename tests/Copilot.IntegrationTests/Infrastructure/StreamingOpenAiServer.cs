using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>
/// A fake model on Kestrel that streams its answer piece by piece with a pause between pieces — what WireMock
/// cannot do — and can stall or drop the connection after some pieces, as a real model behind a flaky network does.
/// </summary>
public sealed class StreamingOpenAiServer : IAsyncDisposable
{
    public enum Ending { Complete, Stall, Abort }

    private readonly WebApplication _app;

    public StreamingOpenAiServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v1/chat/completions", StreamAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1";
    }

    public string BaseUrl { get; }

    public IReadOnlyList<string> Pieces { get; set; } = ["根据资料，", "证券公司不得", "对客户证券买卖的", "收益作出承诺[1]。"];

    public TimeSpan PieceDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>What happens after <see cref="PiecesBeforeEnding"/> pieces: the rest and a finish, silence, or a dropped connection.</summary>
    public Ending End { get; set; } = Ending.Complete;

    public int PiecesBeforeEnding { get; set; } = 2;

    public int Requests => _requests;

    private int _requests;

    private async Task StreamAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        context.Response.ContentType = "text/event-stream";
        async Task SendAsync(JsonObject delta, string? finish)
        {
            var chunk = new JsonObject
            {
                ["id"] = "chatcmpl-slow", ["object"] = "chat.completion.chunk", ["created"] = 1764000000, ["model"] = FakeOpenAiServer.ChatModel,
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
            };
            await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n");
            await context.Response.Body.FlushAsync();
        }

        await SendAsync(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null);
        for (var i = 0; i < Pieces.Count; i++)
        {
            if (i == PiecesBeforeEnding && End == Ending.Stall)
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
                return;
            }
            if (i == PiecesBeforeEnding && End == Ending.Abort)
            {
                context.Abort();
                return;
            }
            await Task.Delay(PieceDelay);
            await SendAsync(new JsonObject { ["content"] = Pieces[i] }, null);
        }
        await SendAsync(new JsonObject(), "stop");
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
