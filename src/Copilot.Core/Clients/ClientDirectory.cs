using Copilot.Common;
using Copilot.Compliance;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Clients;

/// <summary>An advisor's stored client portraits. Every lookup names the advisor: another advisor's client does not exist.</summary>
public sealed class ClientDirectory(IDbContextFactory<CopilotDbContext> contexts)
{
    /// <summary>
    /// Keeps a client a draft request describes, in the caller's unit of work, when no portrait is stored for it yet (so
    /// the copilot can find them later). A stored portrait is the CRM's import and is left as it is: what a request
    /// sends overrides it for that draft only.
    /// </summary>
    public static async Task AddIfNewAsync(CopilotDbContext db, string advisorId, ClientPortrait client, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.Clients.FindAsync([advisorId, client.Id!], ct) is not null) return;
        var record = ClientPortraitMapping.NewRecord(advisorId, client.Id!);
        var stored = client with { AdvisorId = advisorId };
        ClientPortraitMapping.Apply(record, stored, ClientPortraitMapping.Hash(stored), nowUtc);
        db.Clients.Add(record);
    }

    /// <summary>The advisor's client with this id, or null.</summary>
    public async Task<ClientPortrait?> FindAsync(string advisorId, string clientId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var record = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.AdvisorId == advisorId && c.ClientId == clientId, ct);
        return record is null ? null : ClientPortraitMapping.ToPortrait(record);
    }

    /// <summary>
    /// The advisor's client with this id, or else every client of the advisor with this name (most recently seen first):
    /// two 张先生 are two people, and which one is meant is the advisor's to say. Other advisors' clients never match.
    /// </summary>
    public async Task<IReadOnlyList<ClientPortrait>> MatchAsync(string advisorId, string idOrName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var records = await db.Clients.AsNoTracking()
            .Where(c => c.AdvisorId == advisorId && (c.ClientId == idOrName || c.Name == idOrName))
            .OrderByDescending(c => c.UpdatedAtUtc).Take(20).ToListAsync(ct);
        var byId = records.Where(r => r.ClientId == idOrName).ToList();
        return (byId.Count > 0 ? byId : records).Select(ClientPortraitMapping.ToPortrait).ToList();
    }

    /// <summary>
    /// One page of clients, by advisor and client id; all advisors' when <paramref name="advisorId"/> is null. With a tag, only
    /// clients holding it; with <paramref name="clientIds"/> (a segment's members), only those.
    /// </summary>
    public async Task<ClientPage> ListAsync(string? advisorId, int page, int pageSize, CancellationToken ct, string? tag = null, IReadOnlyList<string>? clientIds = null)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Clients.AsNoTracking();
        if (advisorId is not null) query = query.Where(c => c.AdvisorId == advisorId);
        if (tag is not null) query = query.Where(c => db.ClientTags.Any(t => t.AdvisorId == c.AdvisorId && t.ClientId == c.ClientId && t.TagId == tag));
        if (clientIds is not null)
        {
            // A segment's members are known in order: page the ids, then read only that page's rows.
            var ids = clientIds.Skip((page - 1) * pageSize).Take(pageSize).ToList();
            var rows = await query.Where(c => ids.Contains(c.ClientId)).ToListAsync(ct);
            var ordered = rows.OrderBy(r => r.AdvisorId, StringComparer.Ordinal).ThenBy(r => r.ClientId, StringComparer.Ordinal);
            return new ClientPage(ordered.Select(ClientPortraitMapping.ToPortrait).ToList(), page, pageSize, clientIds.Count);
        }
        var total = await query.CountAsync(ct);
        var records = await query.OrderBy(c => c.AdvisorId).ThenBy(c => c.ClientId).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new ClientPage(records.Select(ClientPortraitMapping.ToPortrait).ToList(), page, pageSize, total);
    }

    /// <summary>
    /// The client a pre-check names: with the id of one of the advisor's stored clients, its portrait under what the request
    /// sends (a request cannot lift the lowest category); otherwise what the request sends. An id that is not stored, sent
    /// without a risk class to judge by, is a 422 naming client.id.
    /// </summary>
    public async Task<ClientProfile?> ProfileAsync(string? advisorId, ClientProfile? sent, CancellationToken ct)
    {
        if (sent?.Id is not { Length: > 0 } id) return sent;
        var stored = advisorId is null ? null : await FindAsync(advisorId, id, ct);
        if (stored is null)
            return string.IsNullOrEmpty(sent.RiskClass)
                ? throw new InputValidationException("client.id", "No stored client with this id for the advisor named by advisorId; send its riskClass instead.", unprocessable: true)
                : sent;
        var request = new ClientPortrait
        {
            RiskClass = string.IsNullOrEmpty(sent.RiskClass) ? null : sent.RiskClass, HorizonMonths = sent.HorizonMonths,
            LowestClass = sent.LowestClass, RiskAssessmentExpiry = sent.RiskAssessmentExpiry,
        };
        return stored.OverriddenBy(request).ToProfile() with { Id = id };
    }

    /// <summary>How many clients the advisor has.</summary>
    public async Task<int> CountAsync(string advisorId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Clients.CountAsync(c => c.AdvisorId == advisorId, ct);
    }
}

/// <summary>One page of an advisor's clients.</summary>
public sealed record ClientPage(IReadOnlyList<ClientPortrait> Items, int Page, int PageSize, int Total);
