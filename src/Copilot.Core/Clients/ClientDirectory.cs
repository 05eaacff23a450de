using System.Text.Json;
using Copilot.Common;
using Copilot.Drafting;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Clients;

/// <summary>An advisor's clients, as last described in their draft requests. Lookups always name the advisor.</summary>
public sealed class ClientDirectory(IDbContextFactory<CopilotDbContext> contexts)
{
    /// <summary>Stores the portrait in the caller's unit of work.</summary>
    public static async Task UpsertAsync(CopilotDbContext db, string advisorId, ClientPortrait client, DateTime nowUtc, CancellationToken ct)
    {
        var record = await db.Clients.FindAsync([advisorId, client.Id!], ct);
        if (record is null)
        {
            record = new ClientRecord { AdvisorId = advisorId, ClientId = client.Id!, Name = "", RiskClass = "", HoldingsJson = "[]", TagsJson = "[]", Language = "" };
            db.Clients.Add(record);
        }
        record.Name = client.Name!;
        record.RiskClass = client.RiskClass!;
        record.HorizonMonths = client.HorizonMonths;
        record.LifecycleStage = client.LifecycleStage;
        record.HoldingsJson = JsonSerializer.Serialize(client.Holdings ?? [], CopilotJson.Options);
        record.TagsJson = JsonSerializer.Serialize(client.Tags ?? [], CopilotJson.Options);
        record.Language = client.Language ?? "zh-CN";
        record.UpdatedAtUtc = nowUtc;
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
            .OrderByDescending(c => c.UpdatedAtUtc).ToListAsync(ct);
        var byId = records.Where(r => r.ClientId == idOrName).ToList();
        return (byId.Count > 0 ? byId : records).Select(record => new ClientPortrait(
            record.ClientId, record.Name, record.RiskClass, record.HorizonMonths, record.LifecycleStage,
            JsonSerializer.Deserialize<List<Holding>>(record.HoldingsJson, CopilotJson.Options),
            JsonSerializer.Deserialize<List<string>>(record.TagsJson, CopilotJson.Options), record.Language)).ToList();
    }
}
