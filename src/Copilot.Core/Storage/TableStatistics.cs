using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Copilot.Storage;

/// <summary>
/// Refreshes PostgreSQL's planner statistics after a bulk write. A table loaded in bulk (a first import of 80,000 clients,
/// a CRM backfilling its events) has none until autovacuum's next pass, up to a minute later; meanwhile the planner takes
/// it for nearly empty and picks nested loops that made the firm dashboard take 35 s instead of 0.2 s. Statistics from
/// part of a load stay good as the table grows (the planner scales them by its size), so one ANALYZE per table per minute
/// per host is enough. SQLite: nothing to do (its queries do not depend on gathered statistics here).
/// </summary>
public sealed class TableStatistics(IDbContextFactory<CopilotDbContext> contexts, TimeProvider time, ILogger<TableStatistics> logger)
{
    /// <summary>Fewer rows than this in one write leave the statistics to autovacuum.</summary>
    public const int BulkRows = 500;

    private static readonly HashSet<string> Known = ["clients", "client_tags", "outcome_events", "drafts"];
    private static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);

    /// <summary>After <paramref name="rowsWritten"/> rows went into <paramref name="tables"/>: ANALYZE them if it was a bulk write.</summary>
    public async Task RefreshAfterBulkWriteAsync(int rowsWritten, CancellationToken ct, params string[] tables)
    {
        if (tables.FirstOrDefault(t => !Known.Contains(t)) is { } unknown) throw new ArgumentException($"Not a bulk-written table: {unknown}", nameof(tables));
        if (rowsWritten < BulkRows) return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!db.Database.IsNpgsql()) return;
        var now = time.GetUtcNow();
        var due = tables.Where(t => !_last.TryGetValue(t, out var last) || now - last >= MinInterval).ToList();
        if (due.Count == 0) return;
        foreach (var table in due) _last[table] = now;
        try
        {
            // Table names are the callers' constants, checked above against the ones this refreshes; never from input.
            var sql = "ANALYZE " + string.Join(", ", due.Select(t => "\"" + t + "\""));
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Stale statistics make queries slower, not wrong: the write that asked has committed and succeeds.
            foreach (var table in due) _last.TryRemove(table, out _);
            logger.LogWarning(e, "ANALYZE after a bulk write failed; autovacuum will gather the statistics");
        }
    }
}
