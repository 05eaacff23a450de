using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using OpenAI;

namespace Copilot.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// Registers the model behind Microsoft.Extensions.AI (IChatClient, IEmbeddingGenerator) and a Semantic Kernel
    /// over it. With Llm:Provider None nothing is registered and the service runs in template mode.
    /// </summary>
    public static IServiceCollection AddCopilotLlm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(LlmOptions.Section).Get<LlmOptions>() ?? new LlmOptions();

        services.AddKernel();
        services.AddHttpContextAccessor();
        services.AddSingleton<ModelUsageLedger>();
        services.AddSingleton<ModelBudget>();
        if (!options.ChatEnabled || !Uri.TryCreate(options.Endpoint, UriKind.Absolute, out _) || string.IsNullOrWhiteSpace(options.ChatModel))
        {
            // Invalid model settings are reported by ValidateOnStart; until then, behave as template mode.
            services.AddSingleton(GeneratorInfo.Template);
            services.AddSingleton(new TextEmbedder(null));
            return services;
        }

        services.AddSingleton(GeneratorInfo.ForModel(options.ChatModel));
        LlmHttpClient.Add(services, options);
        services.AddSingleton(sp => CreateClient(options, sp.GetRequiredService<IHttpClientFactory>().CreateClient(LlmHttpClient.Name)));
        var circuitBreak = TimeSpan.FromSeconds(options.CircuitBreakSeconds);

        // One pipeline for every chat call — the copilot's answers (through Semantic Kernel), drafts, the judge and the
        // condenser. Outermost first: Semantic Kernel runs the tools a model calls (FunctionChoiceBehavior.Auto), so each
        // round trip below it is traced, logged and recorded on its own.
        services.AddChatClient(sp => sp.GetRequiredService<OpenAIClient>().GetChatClient(options.ChatModel).AsIChatClient())
            .UseKernelFunctionInvocation()
            .UseOpenTelemetry(sourceName: TelemetrySource)
            .Use((inner, sp) => new LoggingChatClient(inner, ContentSafeLogger<LoggingChatClient>(sp)))
            .Use((inner, sp) => new UsageRecordingChatClient(inner, sp.GetRequiredService<ModelUsageLedger>(), options.ChatModel))
            .Use(inner => new ModelFailureChatClient(inner, circuitBreak, TimeSpan.FromSeconds(options.StreamIdleTimeoutSeconds)));
        services.AddSingleton(sp => sp.GetRequiredService<IChatClient>().AsChatCompletionService(sp));
        if (options.EmbeddingsEnabled)
        {
            services.AddEmbeddingGenerator(sp => sp.GetRequiredService<OpenAIClient>().GetEmbeddingClient(options.EmbeddingModel).AsIEmbeddingGenerator())
                .UseOpenTelemetry(sourceName: TelemetrySource)
                .Use((inner, sp) => new GuardedEmbeddingGenerator(
                    inner, sp.GetRequiredService<ModelUsageLedger>(), options.EmbeddingModel!, circuitBreak));
            services.AddSingleton(sp => new TextEmbedder(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()));
        }
        else
        {
            services.AddSingleton(new TextEmbedder(null));
        }
        return services;
    }

    /// <summary>The ActivitySource and Meter name of model calls, for an OpenTelemetry exporter to subscribe to.</summary>
    public const string TelemetrySource = "Copilot.Llm";

    // LoggingChatClient writes whole prompts and answers at Trace; outside Development they hold client data, so its
    // logger stops at Debug (call started, completed, failed) whatever the configured level.
    private static ILogger ContentSafeLogger<T>(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<T>();
        return services.GetRequiredService<IHostEnvironment>().IsDevelopment() ? logger : new NoTraceLogger(logger);
    }

    private static OpenAIClient CreateClient(LlmOptions options, HttpClient http)
    {
        var endpoint = new Uri(options.Endpoint!);
        var clientOptions = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            // The resilience handler on the HttpClient is the one retry layer; retrying here too would multiply attempts.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // The resilience handler's timeouts decide; this only must not cut sooner (it spans a buffered call's retries).
            NetworkTimeout = TimeSpan.FromSeconds(options.TotalTimeoutSeconds + 5),
        };
        if (options.Provider == LlmProvider.AzureOpenAI)
        {
            clientOptions.Endpoint = new Uri(endpoint, "openai/v1/");
            clientOptions.AddPolicy(new AzureApiKeyPolicy(options.ApiKey!), PipelinePosition.PerCall);
        }
        else
        {
            clientOptions.Endpoint = endpoint;
        }
        // Local servers (Ollama, vLLM) accept any key; the client library insists on one.
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "no-key" : options.ApiKey), clientOptions);
    }
}
