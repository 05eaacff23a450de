using Copilot.Storage;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Copilot.Campaigns.Jobs;

/// <summary>
/// Hangfire's storage in the records database, made on first use (after the migrator ran). On PostgreSQL its tables live
/// in the "hangfire" schema of the same database, and every host works one queue. On SQLite they live in the same file:
/// SQLite has one writer at a time whoever writes, WAL mode (which Hangfire's storage turns on, and which then holds for
/// EF too) lets readers go on while one writes, Hangfire's connections wait up to 10 s for the lock and EF's commands up
/// to their 30 s timeout instead of failing, and EF's transactions begin IMMEDIATE so no two writers deadlock on an
/// upgrade. Every write of both is a few milliseconds, so they take turns (measured with a 4,000-client campaign in
/// docs/benchmarks.md). A second file would buy no concurrency — a draft's records and its job state would still be
/// written one after the other — and would lose the one-file backup of the embedded default.
/// </summary>
public sealed class CampaignJobStorage(IOptions<StorageOptions> storage, IOptions<CampaignOptions> campaigns) : IDisposable
{
    private readonly Lazy<JobStorage> _storage = new(() => Create(storage.Value, campaigns.Value));

    public JobStorage Current => _storage.Value;

    private static JobStorage Create(StorageOptions storage, CampaignOptions campaigns)
    {
        HangfireSetup.EnsureConfigured();
        var poll = TimeSpan.FromMilliseconds(campaigns.QueuePollMilliseconds);
        if (storage.ResolveProvider() == DatabaseProvider.PostgreSql)
        {
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = poll,
                // LISTEN/NOTIFY: an idle worker hears of a new job at once instead of polling for it.
                EnableLongPolling = true,
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(storage.ConnectionString!, options), options);
        }
        var file = new SqliteConnectionStringBuilder(storage.ResolveConnectionString()).DataSource;
        return new SQLiteStorage(file, new SQLiteStorageOptions
        {
            QueuePollInterval = poll,
            // A fetched job whose host died runs again after this; a draft takes seconds, and its claim guards the rest.
            InvisibilityTimeout = TimeSpan.FromMinutes(campaigns.ClaimLeaseMinutes),
        });
    }

    public void Dispose()
    {
        if (_storage.IsValueCreated && _storage.Value is IDisposable disposable) disposable.Dispose();
    }
}
