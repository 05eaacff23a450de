using Copilot.Campaigns.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Copilot.Campaigns;

public static class CampaignServiceCollectionExtensions
{
    /// <summary>Campaigns: the service, the client-id audience, and Hangfire on the records database with this host's server.</summary>
    public static IHostApplicationBuilder AddCopilotCampaigns(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CampaignOptions>().BindConfiguration(CampaignOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ICampaignAudienceSource, ClientIdAudience>();
        services.AddSingleton<CampaignEstimator>();
        services.AddSingleton<CampaignProgressReader>();
        services.AddSingleton<CampaignCompletion>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<CampaignJobStorage>();
        services.AddSingleton<CampaignJobQueue>();
        services.AddTransient<CampaignDraftJob>();
        services.AddTransient<CampaignDraftBatchJob>();
        services.AddTransient<CampaignDispatcher>();
        // After the migrator (registered by storage), so Hangfire's tables are made in a database that exists.
        services.AddHostedService<CampaignJobServer>();
        return builder;
    }
}
