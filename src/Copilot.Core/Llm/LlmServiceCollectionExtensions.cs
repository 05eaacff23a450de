using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        if (!options.ChatEnabled || !Uri.TryCreate(options.Endpoint, UriKind.Absolute, out _) || string.IsNullOrWhiteSpace(options.ChatModel))
        {
            // Invalid model settings are reported by ValidateOnStart; until then, behave as template mode.
            services.AddSingleton(GeneratorInfo.Template);
            services.AddSingleton(new TextEmbedder(null));
            return services;
        }

        var client = CreateClient(options);
        services.AddSingleton(GeneratorInfo.ForModel(options.ChatModel));
        // Semantic Kernel runs the tools a model calls (FunctionChoiceBehavior.Auto) through this layer of the pipeline.
        services.AddChatClient(client.GetChatClient(options.ChatModel).AsIChatClient()).UseKernelFunctionInvocation();
        services.AddSingleton(sp => sp.GetRequiredService<IChatClient>().AsChatCompletionService(sp));
        if (options.EmbeddingsEnabled)
        {
            var generator = client.GetEmbeddingClient(options.EmbeddingModel).AsIEmbeddingGenerator();
            services.AddSingleton(generator);
            services.AddSingleton(new TextEmbedder(generator));
        }
        else
        {
            services.AddSingleton(new TextEmbedder(null));
        }
        return services;
    }

    private static OpenAIClient CreateClient(LlmOptions options)
    {
        var endpoint = new Uri(options.Endpoint!);
        var clientOptions = new OpenAIClientOptions
        {
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
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
