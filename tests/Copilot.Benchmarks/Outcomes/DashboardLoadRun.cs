using System.Diagnostics;
using Copilot.Advisors;
using Copilot.Clients;
using Copilot.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Outcomes;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Benchmarks.Outcomes;

/// <summary>
/// A load run, not a BenchmarkDotNet job (the data set takes a minute to build): a firm of 80,000 generated clients (20 advisors
/// in 5 branches), a draft for one client in four, and the CRM's events around them (sent, opened, replied, logins, trades,
/// deposits over 60 days), then GET /v1/dashboard timed at firm, branch and advisor level over the last 30 days. Beside it, the
/// naive way's floor: reading the window's events and drafts into memory, before any figure is computed.
/// <c>dotnet run -c Release --project tests/Copilot.Benchmarks -- dashboard-load [--postgres] [--no-analyze] [--clients 80000] [--runs 30]</c>
/// (--postgres needs COPILOT_TEST_POSTGRES, e.g. from .ci/postgres.sh).
/// </summary>
internal static class DashboardLoadRun
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "dashboard-load";

    public static async Task RunAsync(string[] args)
    {
        var postgres = args.Contains("--postgres");
        int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v && int.TryParse(v, out var n) ? n : fallback;
        var clientCount = Option("--clients", 80_000);
        var runs = Option("--runs", 30);
        var settings = new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" };
        if (postgres)
        {
            settings["Storage:Provider"] = "PostgreSql";
            settings["Storage:ConnectionString"] = (Environment.GetEnvironmentVariable("COPILOT_TEST_POSTGRES")
                ?? throw new InvalidOperationException("Set COPILOT_TEST_POSTGRES (source .ci/postgres.sh && start_postgres).")) + $";Database=copilot_bench_{Guid.NewGuid():N}";
        }
        Console.WriteLine($"Load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
        using var service = CopilotApiFactory.TemplateMode(seed: false, extra: settings);
        using var client = await service.CreateReadyClientAsync();
        var clock = Stopwatch.StartNew();
        var counts = await SeedAsync(service.Services, clientCount);
        // The events and drafts went in straight through EF; the event ingest (and the import, for clients) ANALYZE after a bulk
        // write like this one. --no-analyze leaves them to autovacuum, to see the plans a freshly loaded table gets.
        if (!args.Contains("--no-analyze"))
            await service.Services.GetRequiredService<TableStatistics>().RefreshAfterBulkWriteAsync(counts.Events, CancellationToken.None, "outcome_events", "drafts");
        Console.WriteLine($"{(postgres ? "PostgreSQL" : "SQLite")}: seeded {clientCount:N0} clients, {counts.Drafts:N0} drafts, {counts.Events:N0} events in {clock.Elapsed.TotalSeconds:0} s");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var window = $"from={today.AddDays(-29):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        foreach (var (name, query) in new[] { ("firm", "level=firm"), ("branch", "level=branch&id=" + Uri.EscapeDataString(Branch(0))), ("advisor", "level=advisor&id=adv-001") })
        {
            var times = new List<double>();
            for (var i = 0; i < runs + 3; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync($"/v1/dashboard?{query}&{window}");
                var body = await response.Content.ReadAsStringAsync();
                response.EnsureSuccessStatusCode();
                if (i >= 3) times.Add(watch.Elapsed.TotalMilliseconds);
                if (i == 0 && name == "firm") Console.WriteLine("  firm totals: " + System.Text.Json.Nodes.JsonNode.Parse(body)!["totals"]!.ToJsonString());
            }
            times.Sort();
            Console.WriteLine($"  GET /v1/dashboard {name,-7} n={runs} p50 {Percentile(times, 0.50):0} ms  p95 {Percentile(times, 0.95):0} ms  max {times[^1]:0} ms");
        }

        var naive = new List<double>();
        var contexts = service.Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>();
        var start = today.AddDays(-29).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var db = await contexts.CreateDbContextAsync();
            var events = await db.OutcomeEvents.AsNoTracking().Where(e => e.AtUtc >= start.AddDays(-90)).ToListAsync();
            var drafts = await db.Drafts.AsNoTracking().Where(d => d.CreatedAtUtc >= start).ToListAsync();
            if (i > 0) naive.Add(watch.Elapsed.TotalMilliseconds);
            if (i == 0) Console.WriteLine($"  naive floor reads {events.Count:N0} events and {drafts.Count:N0} drafts");
        }
        naive.Sort();
        Console.WriteLine($"  naive floor (rows into memory, nothing computed) n=4 p50 {Percentile(naive, 0.5):0} ms  max {naive[^1]:0} ms");
        Console.WriteLine($"Load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Branch(int i) => $"示例证券第{i + 1}营业部";

    private static async Task<(int Drafts, int Events)> SeedAsync(IServiceProvider services, int clientCount)
    {
        var advisors = Enumerable.Range(0, 20).Select(SyntheticClients.AdvisorId).ToList();
        var directory = services.GetRequiredService<AdvisorDirectory>();
        for (var i = 0; i < advisors.Count; i++)
            await directory.UpsertAsync(new AdvisorSeed
            {
                Id = advisors[i], Name = $"示例投顾{i + 1:D3}", RegistrationNumber = $"S{9_000_000_000_000L + i + 1:D13}", Firm = "示例证券", Branch = Branch(i / 4),
            }, "bench", CancellationToken.None);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var portraits = SyntheticClients.Generate(advisors, clientCount, 1, today).ToList();
        await services.GetRequiredService<ClientImport>().ImportPortraitsAsync(portraits, "bench", "generated", CancellationToken.None);

        var contexts = services.GetRequiredService<IDbContextFactory<CopilotDbContext>>();
        var random = new Random(7);
        var now = DateTime.UtcNow;
        var statuses = new[] { DraftStatus.Sent, DraftStatus.Sent, DraftStatus.Sent, DraftStatus.Approved, DraftStatus.Rejected, DraftStatus.PendingReview, DraftStatus.ChangesRequested };
        var scenarios = new[] { "market_drop", "reactivate", "dividend", "birthday", "product_launch" };
        int draftCount = 0, eventCount = 0;
        foreach (var chunk in portraits.Chunk(4_000))
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var p in chunk)
            {
                var n = 0;
                OutcomeEvent E(string kind, DateTime at, string? draft = null, double? amount = null) => new()
                {
                    AdvisorId = p.AdvisorId!, Id = $"ev-{p.Id}-{n++}", ClientId = p.Id!, DraftId = draft, Kind = kind, AtUtc = at, Amount = amount,
                    ContentSha256 = "", RecordedBy = "bench", RecordedAtUtc = now,
                };
                var contactAt = now.AddDays(-random.Next(1, 60)).AddMinutes(-random.Next(0, 1_440));
                for (var l = random.Next(0, 3); l > 0; l--) db.OutcomeEvents.Add(E(OutcomeKinds.LoggedIn, now.AddDays(-random.Next(1, 120))));
                if (random.NextDouble() < 0.25)
                {
                    var status = statuses[random.Next(statuses.Length)];
                    var created = contactAt.AddHours(-random.Next(2, 48));
                    var id = $"dft_{Guid.NewGuid():N}";
                    var revised = random.NextDouble() < 0.1;
                    db.Drafts.Add(new Draft
                    {
                        Id = id, AdvisorId = p.AdvisorId!, ClientId = p.Id!, ScenarioKind = "investment", ScenarioCode = scenarios[random.Next(scenarios.Length)],
                        Channel = "wechat", Language = "zh-CN", ClientRiskClass = p.RiskClass!, ProductsJson = "[]", Status = status, Text = "示例消息",
                        CitationsJson = "[]", FindingsJson = "[]", Verdict = "pass", Generator = "template", Revisions = revised ? 1 : 0,
                        Flagged = revised && random.NextDouble() < 0.3, Version = 1, CreatedAtUtc = created, UpdatedAtUtc = created,
                        DecidedAtUtc = status == DraftStatus.PendingReview ? null : created.AddMinutes(5 + random.Next(0, 600)),
                        ReviewSeconds = status == DraftStatus.PendingReview ? null : 300 + random.Next(0, 36_000),
                    });
                    draftCount++;
                    if (status == DraftStatus.Sent)
                    {
                        var sent = E(OutcomeKinds.Sent, contactAt, id);
                        sent.DormantAtContact = p.LastLoginOn is not { } login || DateOnly.FromDateTime(contactAt).DayNumber - login.DayNumber >= 90;
                        sent.AssetsAtContact = (double?)p.TotalAssets;
                        sent.FollowUntilUtc = contactAt.AddDays(30);
                        db.OutcomeEvents.Add(sent);
                        if (random.NextDouble() < 0.6) db.OutcomeEvents.Add(E(OutcomeKinds.Opened, contactAt.AddHours(random.Next(1, 48)), id));
                        if (random.NextDouble() < 0.15) db.OutcomeEvents.Add(E(OutcomeKinds.Replied, contactAt.AddHours(random.Next(2, 72)), id));
                    }
                }
                if (random.NextDouble() < 0.3) db.OutcomeEvents.Add(E(OutcomeKinds.Traded, now.AddDays(-random.Next(0, 90))));
                if (random.NextDouble() < 0.15) db.OutcomeEvents.Add(E(OutcomeKinds.Deposited, now.AddDays(-random.Next(0, 90)), amount: Math.Round(1_000 + random.NextDouble() * 80_000, 2)));
            }
            eventCount += db.ChangeTracker.Entries<OutcomeEvent>().Count();
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
        return (draftCount, eventCount);
    }
}
