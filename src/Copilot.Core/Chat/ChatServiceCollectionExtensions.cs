using Copilot.Llm;
using Copilot.Privacy;
using Copilot.Prompts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Copilot.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>Grounded multi-turn chat, in template mode or over the configured model.</summary>
    public static IHostApplicationBuilder AddCopilotChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCopilotLlm(builder.Configuration);
        builder.Services.AddOptions<ChatAnswerOptions>().BindConfiguration(ChatAnswerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(_ => new PromptLibrary(PromptLibrary.DefaultFolder));
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IdentifierMasker>();
        builder.Services.AddSingleton<QuestionCondenser>();
        builder.Services.AddSingleton<StatuteQueryRewriter>();
        builder.Services.AddSingleton<GroundedAnswerer>();
        builder.Services.AddSingleton<ConversationStore>();
        builder.Services.AddSingleton<ChatService>();
        return builder;
    }
}
