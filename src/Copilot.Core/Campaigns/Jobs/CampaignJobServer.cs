using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Copilot.Campaigns.Jobs;

/// <summary>
/// This host's Hangfire server on the campaigns queue, with Campaigns:Concurrency workers, jobs resolved from this host's
/// container; it stops (letting running drafts finish or handing them back) when the host stops. Also keeps the
/// resume job on its minutely schedule and the clients' tags on their daily one. Off with Campaigns:RunJobs = false.
/// </summary>
public sealed class CampaignJobServer(
    CampaignJobStorage storage, IServiceScopeFactory scopes, IOptions<CampaignOptions> options, ILoggerFactory loggers, IHostEnvironment environment)
    : IHostedService, IDisposable
{
    public const string ResumeJobId = "campaigns-resume";

    /// <summary>Every client's tags recomputed once a day (01:00 UTC), on whichever host's worker takes it first.</summary>
    public const string DailyTagsJobId = "clients-tags-daily";

    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken ct)
    {
        if (!options.Value.RunJobs) return Task.CompletedTask;
        HangfireSetup.Loggers = loggers;
        var jobs = storage.Current;
        new RecurringJobManager(jobs).AddOrUpdate<CampaignDispatcher>(ResumeJobId, CampaignJobQueue.Queue,
            d => d.ResumeAsync(CancellationToken.None), Cron.Minutely());
        // The day is read when the job runs, not when it is registered: a recurring job's arguments are fixed at registration.
        new RecurringJobManager(jobs).AddOrUpdate<Copilot.Clients.Tags.ClientTagging>(DailyTagsJobId, CampaignJobQueue.Queue,
            t => t.RecomputeTodayAsync(CancellationToken.None), Cron.Daily(1));
        _server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            ServerName = $"{environment.ApplicationName}:{Guid.NewGuid():N}",
            WorkerCount = options.Value.Concurrency,
            Queues = [CampaignJobQueue.Queue],
            Activator = new AspNetCoreJobActivator(scopes),
            // Retries after a Retry-After are scheduled jobs: look for due ones often.
            SchedulePollingInterval = TimeSpan.FromSeconds(2),
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        }, jobs);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (_server is null) return;
        _server.SendStop();
        await _server.WaitForShutdownAsync(ct);
    }

    public void Dispose()
    {
        _server?.Dispose();
        _server = null;
    }
}
