using Copilot.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Copilot.IntegrationTests.Resilience;

/// <summary>
/// The pipeline's logging layer outside Development: with every level switched on (Verbose), model calls are
/// logged as started and completed, but neither the prompt nor the model's answer reaches a log line.
/// </summary>
public sealed class ModelLoggingTests
{
    private const string QuestionMarker = "问题标记QX7F3A";
    private const string ReplyMarker = "回答标记RZ9K2B";

    [Fact]
    public async Task Prompts_and_answers_are_never_logged_outside_Development()
    {
        using var openAi = new FakeOpenAiServer { Reply = _ => $"根据资料，证券公司不得承诺收益[1]。{ReplyMarker}" };
        var sink = new CollectingSink();
        using var factory = CopilotApiFactory.ModelMode(openAi, seed: false, extra: new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft.Extensions.AI"] = "Verbose",
        });
        using var logged = factory.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink)));
        var client = logged.CreateClient();

        var answer = await client.PostJsonAsync("/v1/chat", new { message = $"证券公司可以承诺收益吗？{QuestionMarker}" });
        Assert.Contains(ReplyMarker, answer.Str("answer"));

        var events = sink.Events.ToList();
        Assert.Contains(events, e => e.Properties.TryGetValue("SourceContext", out var source) && source.ToString().Contains("LoggingChatClient"));
        foreach (var e in events)
        {
            var line = e.RenderMessage() + string.Concat(e.Properties.Values.Select(v => v.ToString())) + e.Exception;
            Assert.DoesNotContain(QuestionMarker, line);
            Assert.DoesNotContain(ReplyMarker, line);
        }
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public System.Collections.Concurrent.ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }
}
