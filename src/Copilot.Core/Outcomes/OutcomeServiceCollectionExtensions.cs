using Copilot.Audit;
using Copilot.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Copilot.Outcomes;

public static class OutcomeServiceCollectionExtensions
{
    /// <summary>Outcomes: the CRM's events and the service dashboard.</summary>
    public static IHostApplicationBuilder AddCopilotOutcomes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutcomeOptions>().BindConfiguration(OutcomeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<AuditTrail>();
        builder.Services.TryAddSingleton<AuditedWork>();
        builder.Services.TryAddSingleton<IdempotencyStore>();
        builder.Services.TryAddSingleton<ContactStamp>();
        builder.Services.AddSingleton<OutcomeEventIngest>();
        builder.Services.AddSingleton<Dashboard>();
        return builder;
    }
}
