using System.Security.Cryptography;
using System.Text.Json;
using Copilot.Audit;
using Copilot.Common;
using Copilot.Idempotency;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Copilot.Clients;

/// <summary>
/// Imports portraits: upsert by (advisor, client) in batches of Clients:ImportBatchSize rows per transaction, each batch
/// looking its existing rows up in one query. A row whose content hash matches the stored one is unchanged, so the same
/// file imported twice writes nothing. Bad rows are counted and named; the good rows of a partly bad file are committed.
/// One audit entry per import carries the counts and the file's hash, never a client's data. Every row's tags are recomputed as
/// of the import's day in the same transaction as the row.
/// </summary>
public sealed class ClientImport(
    IDbContextFactory<CopilotDbContext> contexts, IdempotencyStore idempotency, AuditedWork work, AuditTrail audit,
    Tags.ClientTagging tagging, TimeProvider time, IOptions<ClientOptions> options, IOptions<InputLimitsOptions> limits, TableStatistics statistics,
    ILogger<ClientImport> logger)
{
    /// <param name="onlyAdvisor">An advisor's key imports its own clients only; rows for others are rejected naming advisorId.</param>
    /// <param name="caller">Who asks: Idempotency-Keys are unique per caller.</param>
    /// <param name="actor">The key or person importing, for the audit trail.</param>
    public async Task<(ClientImportResult Result, bool Replayed)> ImportAsync(
        ReadOnlyMemory<byte> content, ClientImportFormat format, string? onlyAdvisor, string caller, string actor, string? idempotencyKey,
        CancellationToken ct)
    {
        var settings = options.Value;
        var rows = ClientImportReader.Count(content, format);
        if (rows > settings.MaxImportRows)
            throw new InputValidationException("file", $"The file has {rows:N0} rows; one import takes up to {settings.MaxImportRows:N0}. Split it.");
        var fileHash = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var scope = $"clients-import/{caller}";
        if (idempotencyKey is not null
            && await idempotency.BeginAsync(scope, idempotencyKey, IdempotencyStore.Fingerprint(new { fileHash, format, onlyAdvisor }), ct) is { } first)
            return (JsonSerializer.Deserialize<ClientImportResult>(first, CopilotJson.Options)!, true);
        try
        {
            var parsed = ClientImportReader.Read(content, format).Select(row => Parse(row, limits.Value.Holdings));
            var counts = await UpsertAsync(parsed, onlyAdvisor, ct);
            var result = await AuditAsync(counts, actor, new { onBehalfOf = onlyAdvisor, format = format.ToString(), fileSha256 = fileHash }, ct,
                idempotencyKey is null ? null : (scope, idempotencyKey));
            return (result, false);
        }
        catch when (idempotencyKey is not null)
        {
            await idempotency.AbandonAsync(scope, idempotencyKey, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Stores generated portraits (the generate-clients command, the demo advisor's first start) like an import.</summary>
    public async Task<ClientImportResult> ImportPortraitsAsync(IEnumerable<ClientPortrait> portraits, string actor, string source, CancellationToken ct)
    {
        var counts = await UpsertAsync(portraits.Select((p, i) => (i + 1, (ClientPortrait?)p, (RejectedRow?)null)), null, ct);
        return await AuditAsync(counts, actor, new { format = source }, ct, null);
    }

    private async Task<ClientImportResult> AuditAsync(
        ImportCounts counts, string actor, object source, CancellationToken ct, (string Scope, string Key)? idempotencyKey)
    {
        var result = counts.ToResult($"imp_{Guid.NewGuid():N}");
        await work.RunAsync(async db =>
        {
            await audit.AppendAsync(db, "client_import", result.Id, "imported", actor, new
            {
                source, result.RowsRead, result.Inserted, result.Updated, result.Unchanged, result.Rejected, advisors = counts.Advisors.Count,
            }, ct);
            if (idempotencyKey is var (scope, key))
                await IdempotencyStore.CompleteAsync(db, scope, key, JsonSerializer.Serialize(result, CopilotJson.Options), 200, ct);
            return result;
        }, ct);
        logger.LogInformation("Client import {ImportId} by {Actor}: {RowsRead} rows, {Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected",
            result.Id, actor, result.RowsRead, result.Inserted, result.Updated, result.Unchanged, result.Rejected);
        return result;
    }

    private async Task<ImportCounts> UpsertAsync(
        IEnumerable<(int Row, ClientPortrait? Portrait, RejectedRow? Rejection)> rows, string? onlyAdvisor, CancellationToken ct)
    {
        var settings = options.Value;
        var counts = new ImportCounts(settings.MaxRejectedRowsListed);
        HashSet<string> advisors;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            advisors = (await db.Advisors.AsNoTracking().Select(a => a.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<(string, string), int>();
        var batch = new List<ClientPortrait>(settings.ImportBatchSize);
        foreach (var (number, portrait, parseRejection) in rows)
        {
            counts.RowsRead++;
            var rejection = parseRejection;
            if (portrait is not null)
                rejection = onlyAdvisor is not null && portrait.AdvisorId != onlyAdvisor
                    ? new RejectedRow(number, "advisorId", "This key imports its own advisor's clients only.")
                    : !advisors.Contains(portrait.AdvisorId!)
                        ? new RejectedRow(number, "advisorId", "No such advisor; register it with PUT /v1/advisors/{id} first.")
                        : seen.TryGetValue((portrait.AdvisorId!, portrait.Id!), out var earlier)
                            ? new RejectedRow(number, "clientId", $"The same client as row {earlier}; one row per client.")
                            : null;
            if (rejection is not null)
            {
                counts.Reject(rejection);
                continue;
            }
            seen[(portrait!.AdvisorId!, portrait.Id!)] = number;
            counts.Advisors.Add(portrait.AdvisorId!);
            batch.Add(portrait);
            if (batch.Count == settings.ImportBatchSize)
            {
                await CommitAsync(batch, counts, ct);
                batch.Clear();
            }
        }
        if (batch.Count > 0) await CommitAsync(batch, counts, ct);
        // Leads, segments and the dashboard query these tables right after a first import.
        await statistics.RefreshAfterBulkWriteAsync(counts.Inserted + counts.Updated, ct, "clients", "client_tags");
        return counts;
    }

    private async Task CommitAsync(IReadOnlyList<ClientPortrait> batch, ImportCounts counts, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = new Dictionary<(string, string), ClientRecord>();
        foreach (var group in batch.GroupBy(p => p.AdvisorId!))
        {
            var ids = group.Select(p => p.Id!).ToList();
            foreach (var record in await db.Clients.Where(c => c.AdvisorId == group.Key && ids.Contains(c.ClientId)).ToListAsync(ct))
                existing[(record.AdvisorId, record.ClientId)] = record;
        }
        var records = new List<ClientRecord>(batch.Count);
        foreach (var portrait in batch)
        {
            var hash = ClientPortraitMapping.Hash(portrait);
            if (existing.TryGetValue((portrait.AdvisorId!, portrait.Id!), out var record))
            {
                records.Add(record);
                if (record.ContentSha256 == hash) { counts.Unchanged++; continue; }
                counts.Updated++;
            }
            else
            {
                record = ClientPortraitMapping.NewRecord(portrait.AdvisorId!, portrait.Id!);
                db.Clients.Add(record);
                records.Add(record);
                counts.Inserted++;
            }
            ClientPortraitMapping.Apply(record, portrait, hash, now);
        }
        // Unchanged rows too: their tags are as of the day they were last computed, and days since a login move on.
        await tagging.ApplyAsync(db, records, tagging.Today(), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static (int, ClientPortrait?, RejectedRow?) Parse(ImportRow row, int maxHoldings)
    {
        if (row.Rejection is { } early) return (row.Number, null, early);
        var (portrait, rejection) = ClientRowParser.Parse(row.Number, row.Fields!, maxHoldings);
        return (row.Number, portrait, rejection);
    }

    private sealed class ImportCounts(int listed)
    {
        public int RowsRead, Inserted, Updated, Unchanged, Rejected;
        public HashSet<string> Advisors { get; } = [];
        private readonly List<RejectedRow> _rejected = [];

        public void Reject(RejectedRow row)
        {
            Rejected++;
            if (_rejected.Count < listed) _rejected.Add(row);
        }

        public ClientImportResult ToResult(string id) => new(id, RowsRead, Inserted, Updated, Unchanged, Rejected, _rejected);
    }
}
