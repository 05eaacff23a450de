using System.ComponentModel.DataAnnotations;

namespace Copilot.Campaigns;

/// <summary>The "Campaigns" section: how many drafts run at once, retries, and whether this host runs drafting jobs.</summary>
public sealed class CampaignOptions
{
    public const string Section = "Campaigns";

    /// <summary>Drafting jobs this host runs at once (its Hangfire workers on the campaigns queue); several hosts add up.</summary>
    [Range(1, 256)] public int Concurrency { get; set; } = 16;

    /// <summary>
    /// Run drafting jobs on this host. Off, the host still starts campaigns and reports progress while other hosts draft
    /// (test hosts turn it off unless a test drafts campaigns, so hundreds of them start no job server).
    /// </summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>
    /// Most clients one drafting job drafts in turn. Each job costs Hangfire's storage a dozen commits of its own; on a machine
    /// whose disk or cores are saturated, 8 per job drafted 1.9x as many clients in the same window, but on an idle machine it
    /// made a 4,000-client campaign slower (327.6 s against 217.2 s with one per job, docs/benchmarks.md), so one per job is
    /// the default. Fewer clients per job are chosen for small campaigns, so every worker has some.
    /// </summary>
    [Range(1, 100)] public int ClientsPerJob { get; set; } = 1;

    /// <summary>Clients one campaign may draft for.</summary>
    [Range(1, 100_000)] public int MaxClients { get; set; } = 20_000;

    /// <summary>Attempts per client when the model is rate-limiting or unavailable, each after its Retry-After.</summary>
    [Range(1, 20)] public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before a retry when the model named none; it doubles each attempt.</summary>
    [Range(1, 3600)] public int RetryDelaySeconds { get; set; } = 15;

    /// <summary>A claim older than this belongs to a host that stopped mid-draft; the resume job drafts the client again.</summary>
    [Range(1, 1440)] public int ClaimLeaseMinutes { get; set; } = 10;

    /// <summary>
    /// How often an idle worker looks for queued drafting jobs (SQLite; PostgreSQL is told at once when long polling). A busy
    /// worker fetches its next job at once, so this costs only the first job's start, and an idle host 16 cheap queries a second.
    /// </summary>
    [Range(50, 60_000)] public int QueuePollMilliseconds { get; set; } = 1000;

    /// <summary>Prompt tokens per model call assumed by an estimate until the service has measured its own drafts.</summary>
    [Range(1, 100_000)] public int EstimatedPromptTokensPerCall { get; set; } = 1_200;

    /// <summary>Seconds per draft assumed by an estimate until the service has measured its own (model mode).</summary>
    [Range(0.01, 600)] public double EstimatedSecondsPerDraft { get; set; } = 4;
}
