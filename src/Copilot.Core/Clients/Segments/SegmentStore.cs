using System.Text.Json;
using Copilot.Audit;
using Copilot.Clients.Tags;
using Copilot.Common;
using Copilot.Idempotency;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Copilot.Clients.Segments;

/// <summary>
/// Saved segments, each owned by one advisor and counted over that advisor's clients only. A definition naming an unknown
/// tag, field, operator or parameter is refused naming its JSON path (definition.all[1].field). Creating and deleting are audited.
/// </summary>
public sealed class SegmentStore(
    IDbContextFactory<CopilotDbContext> contexts, AuditedWork work, AuditTrail audit, IdempotencyStore idempotency, ClientPopulation population, TagRuleSet rules,
    ClientTagging tagging, TimeProvider time, IOptions<ClientOptions> options)
{
    /// <summary>The definition compiled, or a 400 naming the field at fault.</summary>
    public ClientCondition Compile(ConditionNode? definition) =>
        ClientCondition.Compile(definition, "definition", rules.Contains, options.Value.TagParameters(), (path, reason) => new InputValidationException(path, reason));

    /// <param name="caller">Who asks: Idempotency-Keys are unique per caller. A retry with the same key gets the same segment back, counted now.</param>
    public async Task<SegmentView> CreateAsync(
        CreateSegmentRequest request, string advisorId, string actor, string caller, string? idempotencyKey, CancellationToken ct)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200) throw new InputValidationException("name", "Give the segment a name of 1 to 200 characters.");
        Compile(request.Definition);
        var scope = $"segments/{caller}";
        if (idempotencyKey is not null
            && await idempotency.BeginAsync(scope, idempotencyKey, IdempotencyStore.Fingerprint(new { request, advisorId }), ct) is { } first)
            return await GetAsync(JsonSerializer.Deserialize<SegmentView>(first, CopilotJson.Options)!.Id, _ => true, ct);
        var record = new SegmentRecord
        {
            Id = $"seg_{Guid.NewGuid():N}", AdvisorId = advisorId, Name = name, CreatedBy = actor,
            DefinitionJson = JsonSerializer.Serialize(request.Definition, CopilotJson.Options), CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        try
        {
            var view = (await ViewsAsync(advisorId, [record], ct))[0];
            await work.RunAsync(async db =>
            {
                db.Segments.Add(record);
                await audit.AppendAsync(db, "segment", record.Id, "created", actor, new { advisorId, record.Name, definition = request.Definition }, ct);
                if (idempotencyKey is not null)
                    await IdempotencyStore.CompleteAsync(db, scope, idempotencyKey, JsonSerializer.Serialize(view, CopilotJson.Options), 201, ct);
                return record;
            }, ct);
            return view;
        }
        catch when (idempotencyKey is not null)
        {
            await idempotency.AbandonAsync(scope, idempotencyKey, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The advisor's segments with live counts; every advisor's when <paramref name="advisorId"/> is null.</summary>
    public async Task<IReadOnlyList<SegmentView>> ListAsync(string? advisorId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Segments.AsNoTracking();
        if (advisorId is not null) query = query.Where(s => s.AdvisorId == advisorId);
        var segments = await query.OrderBy(s => s.AdvisorId).ThenBy(s => s.CreatedAtUtc).ThenBy(s => s.Id).Take(500).ToListAsync(ct);
        var views = new List<SegmentView>();
        foreach (var group in segments.GroupBy(s => s.AdvisorId))
            views.AddRange(await ViewsAsync(group.Key, group.ToList(), ct));
        return views;
    }

    /// <summary>The segment if <paramref name="visibleTo"/> accepts its advisor; otherwise not found, so ids leak nothing.</summary>
    public async Task<SegmentView> GetAsync(string id, Func<string, bool> visibleTo, CancellationToken ct)
    {
        var segment = await FindAsync(id, visibleTo, ct);
        return (await ViewsAsync(segment.AdvisorId, [segment], ct))[0];
    }

    public async Task DeleteAsync(string id, Func<string, bool> visibleTo, string actor, CancellationToken ct)
    {
        var segment = await FindAsync(id, visibleTo, ct);
        await work.RunAsync(async db =>
        {
            db.Segments.Remove(await db.Segments.FindAsync([id], ct) ?? throw NotFound(id));
            await audit.AppendAsync(db, "segment", id, "deleted", actor, new { segment.AdvisorId, segment.Name }, ct);
            return true;
        }, ct);
    }

    /// <summary>The ids of the segment's clients now, in client id order.</summary>
    public async Task<(SegmentRecord Segment, IReadOnlyList<string> ClientIds)> MembersAsync(string id, Func<string, bool> visibleTo, CancellationToken ct)
    {
        var segment = await FindAsync(id, visibleTo, ct);
        var condition = Stored(segment);
        var today = tagging.Today();
        var members = await population.LoadAsync(segment.AdvisorId, ct);
        return (segment, members.Where(m => condition.IsMet(m.Facts(today))).Select(m => m.Record.ClientId).ToList());
    }

    private async Task<SegmentRecord> FindAsync(string id, Func<string, bool> visibleTo, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var segment = await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return segment is not null && visibleTo(segment.AdvisorId) ? segment : throw NotFound(id);
    }

    private async Task<List<SegmentView>> ViewsAsync(string advisorId, IReadOnlyList<SegmentRecord> segments, CancellationToken ct)
    {
        var today = tagging.Today();
        var members = await population.LoadAsync(advisorId, ct);
        var sheets = members.Select(m => m.Facts(today)).ToList();
        return segments.Select(s =>
        {
            // A stored definition may name a tag since removed from the rules: it then counts no one rather than failing the list.
            var condition = TryStored(s);
            return new SegmentView(s.Id, s.AdvisorId, s.Name, JsonSerializer.Deserialize<ConditionNode>(s.DefinitionJson, CopilotJson.Options)!,
                condition is null ? 0 : sheets.Count(condition.IsMet), today, condition is not null, s.CreatedBy, s.CreatedAtUtc);
        }).ToList();
    }

    private ClientCondition Stored(SegmentRecord s) => Compile(JsonSerializer.Deserialize<ConditionNode>(s.DefinitionJson, CopilotJson.Options));

    private ClientCondition? TryStored(SegmentRecord s)
    {
        try { return Stored(s); }
        catch (InputValidationException) { return null; }
    }

    private static NotFoundException NotFound(string id) => new($"No segment '{id}'.");
}

/// <summary>A segment to save: whose it is (CRM and admin keys name the advisor), its name and its condition.</summary>
public sealed record CreateSegmentRequest(string? AdvisorId, string? Name, ConditionNode? Definition);

/// <summary>A saved segment and how many of its advisor's clients it holds today.</summary>
/// <param name="Valid">False when the definition names a tag the rules no longer have (it then counts no one).</param>
public sealed record SegmentView(
    string Id, string AdvisorId, string Name, ConditionNode Definition, int Clients, DateOnly AsOf, bool Valid, string CreatedBy, DateTime CreatedAtUtc);
