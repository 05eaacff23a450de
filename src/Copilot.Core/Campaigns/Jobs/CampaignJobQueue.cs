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

    /// <summary>A retry after the model asked to wait, never sooner than it asked.</summary>
    public void DraftLater(string campaignId, string clientId, TimeSpan delay) =>
        Client.Create<CampaignDraftJob>(j => j.RunAsync(campaignId, clientId, CancellationToken.None), new ScheduledState(NotBefore(DateTime.UtcNow + delay)));

    /// <summary>
    /// The time rounded up to a whole second. Hangfire keeps a scheduled job's time as whole seconds, cut down, and runs it
    /// when the clock's whole seconds reach it: asked for 2 s at 12:00:00.9, it would run from 12:00:02.0, 1.1 s later,
    /// before the model's Retry-After was over (and a test checking the wait failed when the scheduler happened to be quick).
    /// </summary>
    internal static DateTime NotBefore(DateTime utc)
    {
        var whole = utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond;
        return new DateTime(whole == utc.Ticks ? whole : whole + TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }
}
