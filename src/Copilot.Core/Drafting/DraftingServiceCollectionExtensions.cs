using Copilot.Advisors;
using Copilot.Audit;
using Copilot.Clients;
using Copilot.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Copilot.Drafting;

public static class DraftingServiceCollectionExtensions
{
    /// <summary>Client drafts, the review workflow, advisors, client records, idempotency and the audit trail.</summary>
    public static IHostApplicationBuilder AddCopilotDrafting(this IHostApplicationBuilder builder)
    {
        builder.AddCopilotAdvisors();
        builder.AddCopilotClients();
        var services = builder.Services;
        services.TryAddSingleton<IdempotencyStore>();
        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton<AuditedWork>();
        services.AddSingleton<DraftResearch>();
        services.AddSingleton<DraftWriter>();
        services.AddSingleton<DraftPrecheck>();
        services.AddSingleton<DraftCreation>();
        services.TryAddSingleton<Outcomes.ContactStamp>();
        services.AddSingleton<DraftReview>();
        services.AddSingleton<DraftBatchReview>();
        return builder;
    }
}
