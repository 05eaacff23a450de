using System.Net.Http.Json;
using Copilot.IntegrationTests.Clients;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Outcomes;

/// <summary>
/// A bulk write leaves PostgreSQL with planner statistics (see <see cref="TableStatistics"/>): without them the firm
/// dashboard's deposit query ran a nested loop over every contact for every deposit (35 s on 80,000 clients). Each test
/// has its own fresh database, so a table analyzed is one this test's writes analyzed (autovacuum waits a minute at least).
/// </summary>
public sealed class BulkWriteStatisticsTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static async Task<DateTime?> LastAnalyzedAsync(CopilotApiFactory factory, string table)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CopilotDbContext>>().CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("SELECT pg_stat_clear_snapshot()");
        return await db.Database.SqlQueryRaw<DateTime?>(
            "SELECT last_analyze AS \"Value\" FROM pg_stat_user_tables WHERE relname = {0}", table).SingleOrDefaultAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_large_import_and_a_large_event_batch_refresh_the_statistics_of_the_tables_they_filled(string provider)
    {
        using var factory = CopilotApiFactory.TemplateMode(seed: false, extra: TestDatabases.Settings(provider));
        var crm = await factory.CreateReadyClientAsync();
        var put = await crm.PutAsJsonAsync("/v1/advisors/stat-a1", new { name = "统计投顾", registrationNumber = "S0000000000201", branch = "b", firm = "f" });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var postgres = provider == TestDatabases.PostgreSql;
        if (postgres) Assert.Null(await LastAnalyzedAsync(factory, "clients"));

        var imported = await crm.ImportedAsync(ClientImports.JsonLines(Enumerable.Range(0, TableStatistics.BulkRows)
            .Select(i => (object)new { clientId = $"st-{i}", advisorId = "stat-a1", name = "客户", riskClass = "C3" }).ToArray()), "application/x-ndjson");
        Assert.Equal(TableStatistics.BulkRows, imported.Int("inserted"));

        // Fewer events than a bulk write: autovacuum's business; then a bulk batch: analyzed before the answer.
        object Login(int i) => new { id = $"st-ev-{i}", advisorId = "stat-a1", clientId = $"st-{i % 50}", kind = "logged_in", at = DateTime.UtcNow.AddDays(-1 - i % 30).ToString("O") };
        Assert.Equal(10, (await crm.PostJsonAsync("/v1/events", Enumerable.Range(0, 10).Select(Login).ToArray())).Int("stored"));
        if (postgres)
        {
            Assert.NotNull(await LastAnalyzedAsync(factory, "clients"));
            Assert.NotNull(await LastAnalyzedAsync(factory, "client_tags"));
            Assert.Null(await LastAnalyzedAsync(factory, "outcome_events"));
        }
        var batch = Enumerable.Range(10, TableStatistics.BulkRows).Select(Login).ToArray();
        Assert.Equal(TableStatistics.BulkRows, (await crm.PostJsonAsync("/v1/events", batch)).Int("stored"));
        if (postgres) Assert.NotNull(await LastAnalyzedAsync(factory, "outcome_events"));
    }
}
