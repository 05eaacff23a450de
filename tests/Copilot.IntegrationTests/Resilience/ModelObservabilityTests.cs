using Copilot.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Copilot.IntegrationTests.Resilience;

/// <summary>
/// The pipeline's logging and telemetry layers outside Development: with every level switched on (Verbose), model
/// calls are logged as started and completed and traced as OpenTelemetry activities, but neither the prompt nor the
/// model's answer reaches a log line.
/// </summary>
/// <remarks>
/// Alone, not beside other test classes: each host started sets Serilog's static logger, so a host started in parallel
/// would take this one's log events (and its minimum level) away.
/// </remarks>
[Collection(SerialLogging.Name)]
public sealed class ModelObservabilityTests
{
    private const string QuestionMarker = "问题标记QX7F3A";
    private const string ReplyMarker = "回答标记RZ9K2B";

    [Fact]
    public async Task Model_calls_are_logged_and_traced_but_prompts_and_answers_never_logged_outside_Development()
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
        var activities = new System.Collections.Concurrent.ConcurrentQueue<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == Copilot.Llm.LlmServiceCollectionExtensions.TelemetrySource,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
            ActivityStopped = activities.Enqueue,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        var answer = await client.PostJsonAsync("/v1/chat", new { message = $"证券公司可以承诺收益吗？{QuestionMarker}" });
        Assert.Contains(ReplyMarker, answer.Str("answer"));

        Assert.Contains(activities, a => Equals(a.GetTagItem("gen_ai.request.model"), FakeOpenAiServer.ChatModel));
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

/// <summary>Tests that read the log run with no other test class beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialLogging
{
    public const string Name = "Serial logging";
}
