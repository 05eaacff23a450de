using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Copilot.Leads;

public static class LeadServiceCollectionExtensions
{
    /// <summary>Service leads over the clients' tags; contacts counted from the CRM's "sent" events.</summary>
    public static IHostApplicationBuilder AddCopilotLeads(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<IContactHistory, SentEventContactHistory>();
        builder.Services.AddSingleton<LeadSubjects>();
        builder.Services.AddSingleton<LeadBoard>();
        // Campaigns for a segment or a kind of lead (POST /v1/campaigns { "segment" } or { "leadKind" }).
        builder.Services.AddSingleton<Copilot.Campaigns.ICampaignAudienceSource, SegmentAudience>();
        builder.Services.AddSingleton<Copilot.Campaigns.ICampaignAudienceSource, LeadKindAudience>();
        return builder;
    }
}
