using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Copilot.Leads;

public static class LeadServiceCollectionExtensions
{
    /// <summary>Service leads over the clients' tags; contacts counted from drafts marked sent until the CRM's events replace it.</summary>
    public static IHostApplicationBuilder AddCopilotLeads(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<IContactHistory, SentDraftContactHistory>();
        builder.Services.AddSingleton<LeadBoard>();
        return builder;
    }
}
