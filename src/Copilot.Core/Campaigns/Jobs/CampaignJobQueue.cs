using Hangfire;
using Hangfire.States;

namespace Copilot.Campaigns.Jobs;

/// <summary>Puts campaign jobs on Hangfire's "campaigns" queue in the records database.</summary>
public sealed class CampaignJobQueue(CampaignJobStorage storage)
{
    public const string Queue = "campaigns";

    private BackgroundJobClient Client => new(storage.Current);

    /// <summary>Creates the drafting jobs of the campaign's clients that have none yet.</summary>
    public void Dispatch(string campaignId) =>
        Client.Create<CampaignDispatcher>(d => d.DispatchAsync(campaignId, CancellationToken.None), new EnqueuedState(Queue));

    public void Draft(string campaignId, string clientId) =>
        Client.Create<CampaignDraftJob>(j => j.RunAsync(campaignId, clientId, CancellationToken.None), new EnqueuedState(Queue));

    /// <summary>One job drafting these clients in turn (see <see cref="CampaignDraftBatchJob"/> for why).</summary>
    public void Draft(string campaignId, string[] clientIds)
    {
        if (clientIds.Length == 1) Draft(campaignId, clientIds[0]);
        else Client.Create<CampaignDraftBatchJob>(j => j.RunAsync(campaignId, clientIds, CancellationToken.None), new EnqueuedState(Queue));
    }

    /// <summary>A retry after the model asked to wait.</summary>
    public void DraftLater(string campaignId, string clientId, TimeSpan delay) =>
        Client.Create<CampaignDraftJob>(j => j.RunAsync(campaignId, clientId, CancellationToken.None), new ScheduledState(delay));
}
