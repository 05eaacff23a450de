using System.Text.Json;
using Copilot.Audit;
using Copilot.Common;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Copilot.Clients.Tags;

/// <summary>
/// Computes clients' tags from the rules in knowledge/tags and stores them: for the imported clients in each import batch's
/// transaction, and for everyone with <see cref="RecomputeAllAsync"/>, which the daily job calls (dates such as "90 days without
/// a login" move on by themselves). A tag that still holds keeps its <c>since</c> date; one that no longer holds is removed.
/// </summary>
public sealed class ClientTagging(
    IDbContextFactory<CopilotDbContext> contexts, TagRuleSet rules, AuditedWork work, AuditTrail audit, TimeProvider time, ILogger<ClientTagging> logger)
{
    private const int BatchSize = 1_000;

    public TagRuleSet Rules => rules;

    /// <summary>The as-of date for today: the service's local date, as the import and the pages count days.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <summary>
    /// Recomputes every stored client's tags as of <paramref name="asOf"/>, 1,000 clients per transaction, and audits one entry
    /// with the counts. Safe to run again (the same day changes nothing) and on several hosts (each batch is its own upsert).
    /// The daily job calls <see cref="RecomputeTodayAsync"/>.
    /// </summary>
    public async Task<TagRecomputeResult> RecomputeAllAsync(DateOnly asOf, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        int clients = 0, added = 0, removed = 0;
        (string Advisor, string Client)? after = null;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var query = db.Clients.AsQueryable();
            if (after is var (a, c))
                query = query.Where(r => string.Compare(r.AdvisorId, a) > 0 || (r.AdvisorId == a && string.Compare(r.ClientId, c) > 0));
            var batch = await query.OrderBy(r => r.AdvisorId).ThenBy(r => r.ClientId).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            var (plus, minus) = await ApplyAsync(db, batch, asOf, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            clients += batch.Count; added += plus; removed += minus;
            after = (batch[^1].AdvisorId, batch[^1].ClientId);
        }
        var result = new TagRecomputeResult(asOf, clients, added, removed, time.GetElapsedTime(started).TotalSeconds);
        await work.RunAsync(async db =>
        {
            await audit.AppendAsync(db, "client_tags", asOf.ToString("yyyy-MM-dd"), "recomputed", "tagging", result, ct);
            return result;
        }, ct);
        logger.LogInformation("Tags recomputed as of {AsOf} for {Clients} clients: {Added} added, {Removed} removed", asOf, clients, added, removed);
        return result;
    }

    /// <summary>
    /// Recomputes everyone's tags as of the day it runs: the daily job's entry point, e.g.
    /// <c>RecurringJob.AddOrUpdate&lt;ClientTagging&gt;("client-tags", t =&gt; t.RecomputeTodayAsync(CancellationToken.None), Cron.Daily(1))</c>
    /// (a recurring job's arguments are fixed when it is registered, so the day must be read when it runs, not passed in).
    /// </summary>
    public Task<TagRecomputeResult> RecomputeTodayAsync(CancellationToken ct) => RecomputeAllAsync(Today(), ct);

    /// <summary>Brings the stored tags of <paramref name="records"/> up to date in <paramref name="db"/> (the caller saves).</summary>
    /// <returns>Tags added and removed.</returns>
    internal async Task<(int Added, int Removed)> ApplyAsync(CopilotDbContext db, IReadOnlyList<ClientRecord> records, DateOnly asOf, CancellationToken ct)
    {
        var stored = new Dictionary<(string, string), List<ClientTagRecord>>();
        foreach (var group in records.GroupBy(r => r.AdvisorId))
        {
            var ids = group.Select(r => r.ClientId).ToList();
            foreach (var tag in await db.ClientTags.Where(t => t.AdvisorId == group.Key && ids.Contains(t.ClientId)).ToListAsync(ct))
            {
                if (!stored.TryGetValue((tag.AdvisorId, tag.ClientId), out var list)) stored[(tag.AdvisorId, tag.ClientId)] = list = [];
                list.Add(tag);
            }
        }
        int added = 0, removed = 0;
        foreach (var record in records)
        {
            var existing = stored.GetValueOrDefault((record.AdvisorId, record.ClientId)) ?? [];
            var holds = rules.Evaluate(new ClientFactSheet(record, asOf)).ToDictionary(h => h.Rule.Id, h => h.Values);
            foreach (var tag in existing.Where(t => !holds.ContainsKey(t.TagId)))
            {
                db.ClientTags.Remove(tag);
                removed++;
            }
            foreach (var (id, values) in holds)
            {
                var json = JsonSerializer.Serialize(values, CopilotJson.Options);
                if (existing.FirstOrDefault(t => t.TagId == id) is { } tag)
                {
                    if (tag.ValuesJson != json) tag.ValuesJson = json;
                    if (tag.AsOf != asOf) tag.AsOf = asOf;
                    continue;
                }
                db.ClientTags.Add(new ClientTagRecord { AdvisorId = record.AdvisorId, ClientId = record.ClientId, TagId = id, ValuesJson = json, Since = asOf, AsOf = asOf });
                added++;
            }
        }
        return (added, removed);
    }

    /// <summary>A client's stored tags with their rules, reasons in the language, values and since dates.</summary>
    public async Task<IReadOnlyList<ClientTag>> ForClientAsync(string advisorId, string clientId, string language, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var tags = await db.ClientTags.AsNoTracking().Where(t => t.AdvisorId == advisorId && t.ClientId == clientId).ToListAsync(ct);
        return tags.Select(t => Describe(t, language)).OfType<ClientTag>().OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>A stored tag as a person reads it; null for a tag whose rule was since removed from knowledge/tags.</summary>
    public ClientTag? Describe(ClientTagRecord tag, string language)
    {
        if (rules.Find(tag.TagId) is not { } rule) return null;
        var values = ReadValues(tag.ValuesJson);
        return new ClientTag(rule.Id, rule.Title(language), rule.Reason(values, language), values, tag.Since, tag.AsOf, rule.File);
    }

    /// <summary>A tag's stored values: numbers as doubles, true/false, text. Read with a plain reader, as leads read thousands per request.</summary>
    public static Dictionary<string, object?> ReadValues(string json)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        string? name = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName) { name = reader.GetString(); continue; }
            if (name is null || reader.CurrentDepth != 1) continue;
            values[name] = reader.TokenType switch
            {
                JsonTokenType.Number => reader.GetDouble(),
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                JsonTokenType.String => reader.GetString(),
                _ => null,
            };
            name = null;
        }
        return values;
    }
}

/// <summary>A tag a client holds: the rule's id and title, the reason filled from the values that set it, since when.</summary>
/// <param name="Rule">The rule file that defines it, under knowledge/tags.</param>
public sealed record ClientTag(string Id, string Title, string Reason, IReadOnlyDictionary<string, object?> Values, DateOnly Since, DateOnly AsOf, string Rule);

/// <summary>What a recompute did.</summary>
public sealed record TagRecomputeResult(DateOnly AsOf, int Clients, int Added, int Removed, double Seconds);
