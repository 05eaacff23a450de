using Copilot.Audit;
using Copilot.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Copilot.Clients;

public static class ClientServiceCollectionExtensions
{
    /// <summary>Client portraits: the directory, the import, and the demo advisor's synthetic clients on first start.</summary>
    public static IHostApplicationBuilder AddCopilotClients(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClientOptions>().BindConfiguration(ClientOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<AuditTrail>();
        builder.Services.TryAddSingleton<AuditedWork>();
        builder.Services.TryAddSingleton<IdempotencyStore>();
        builder.Services.AddSingleton<ClientDirectory>();
        builder.Services.AddSingleton<ClientImport>();
        builder.Services.AddHostedService<DemoClientSeeder>();
        return builder;
    }
}
