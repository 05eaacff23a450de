using Copilot.Clients.Tags;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Clients;

/// <summary>
/// An advisor's whole book, portraits and stored tags, read in two queries: what segments are counted over and leads are
/// ranked from. An advisor has thousands of clients, not millions, so conditions run in memory, the same on every database.
/// </summary>
public sealed class ClientPopulation(IDbContextFactory<CopilotDbContext> contexts)
{
    public async Task<IReadOnlyList<PopulationMember>> LoadAsync(string advisorId, CancellationToken ct, string? clientId = null)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var clients = db.Clients.AsNoTracking().Where(c => c.AdvisorId == advisorId);
        var tags = db.ClientTags.AsNoTracking().Where(t => t.AdvisorId == advisorId);
        if (clientId is not null)
        {
            clients = clients.Where(c => c.ClientId == clientId);
            tags = tags.Where(t => t.ClientId == clientId);
        }
        var records = await clients.OrderBy(c => c.ClientId).ToListAsync(ct);
        var byClient = (await tags.ToListAsync(ct)).ToLookup(t => t.ClientId, StringComparer.Ordinal);
        return records.Select(r => new PopulationMember(r, byClient[r.ClientId].ToList())).ToList();
    }
}

/// <summary>One client of the book with the tags stored for them.</summary>
public sealed record PopulationMember(ClientRecord Record, IReadOnlyList<ClientTagRecord> Tags)
{
    public IReadOnlySet<string> TagIds { get; } = Tags.Select(t => t.TagId).ToHashSet(StringComparer.Ordinal);

    public ClientFactSheet Facts(DateOnly asOf) => new(Record, asOf, TagIds);
}
