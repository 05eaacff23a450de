using Copilot.Audit;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Campaigns;

/// <summary>
/// Many audited units of work at once from two hosts on one database: none fails because the other appended first,
/// every entry is on the chain once, and the chain verifies.
/// </summary>
public sealed class ConcurrentAuditTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const int PerHost = 40;

    [Theory, MemberData(nameof(Providers))]
    public async Task Concurrent_appends_from_two_hosts_all_commit_on_one_intact_chain(string provider)
    {
        var settings = TestDatabases.Settings(provider);
        settings["Knowledge:SeedOnStart"] = "false";
        using var first = new CopilotApiFactory(settings);
        await first.CreateReadyClientAsync();
        // The same records (the same PostgreSQL database, or the first host's SQLite file), each host its own search index.
        var shared = new Dictionary<string, string?>(settings);
        if (provider == TestDatabases.Sqlite) shared["Storage:ConnectionString"] = $"Data Source={Path.Combine(first.DataPath, "copilot.db")}";
        using var second = new CopilotApiFactory(shared);
        await second.CreateReadyClientAsync();
        var before = (await first.Services.GetRequiredService<AuditTrail>().VerifyAsync(null, CancellationToken.None)).Entries;

        var appends = new[] { first, second }.SelectMany((host, h) => Enumerable.Range(0, PerHost).Select(i => Task.Run(async () =>
        {
            var work = host.Services.GetRequiredService<AuditedWork>();
            var audit = host.Services.GetRequiredService<AuditTrail>();
            // Two entries per unit, as an edit-and-approve writes: they must stay in order on the chain.
            return await work.RunAsync(async db =>
            {
                await audit.AppendAsync(db, "test", $"h{h}-{i}", "first", "tester", new { h, i }, CancellationToken.None);
                await audit.AppendAsync(db, "test", $"h{h}-{i}", "second", "tester", new { h, i }, CancellationToken.None);
                return $"h{h}-{i}";
            }, CancellationToken.None);
        }))).ToList();
        var done = await Task.WhenAll(appends);

        Assert.Equal(2 * PerHost, done.Distinct().Count());
        var trail = second.Services.GetRequiredService<AuditTrail>();
        var verification = await trail.VerifyAsync(null, CancellationToken.None);
        Assert.True(verification.Intact, verification.Reason);
        Assert.Equal(before + 4 * PerHost, verification.Entries);
        foreach (var id in done.Take(5))
            Assert.Equal(["first", "second"], (await trail.ForEntityAsync("test", id, CancellationToken.None)).Select(e => e.Action));
    }
}
