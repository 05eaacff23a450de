using Copilot.Common;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Copilot.Campaigns;

/// <summary>An explicit list of client ids, each of which must be one of the advisor's own stored clients.</summary>
public sealed class ClientIdAudience(IDbContextFactory<CopilotDbContext> contexts, IOptions<CampaignOptions> options) : ICampaignAudienceSource
{
    public string Field => CampaignAudience.ClientIdsField;

    public async Task<IReadOnlyList<string>> ResolveAsync(string advisorId, CampaignAudience audience, CancellationToken ct)
    {
        var ids = (audience.ClientIds ?? []).Select(id => id?.Trim()).ToList();
        if (ids.Any(id => string.IsNullOrEmpty(id) || id.Length > 64))
            throw new InputValidationException(Field, "Each client id is 1–64 characters.");
        var distinct = ids.Distinct(StringComparer.Ordinal).Cast<string>().ToList();
        if (distinct.Count == 0) throw new InputValidationException(Field, "Name at least one client.");
        if (distinct.Count > options.Value.MaxClients)
            throw new InputValidationException(Field, $"A campaign drafts for at most {options.Value.MaxClients:N0} clients.");

        await using var db = await contexts.CreateDbContextAsync(ct);
        var known = new HashSet<string>(StringComparer.Ordinal);
        // In chunks: an IN list of 20,000 parameters is more than SQLite takes.
        foreach (var chunk in distinct.Chunk(500))
            known.UnionWith(await db.Clients.AsNoTracking().Where(c => c.AdvisorId == advisorId && chunk.Contains(c.ClientId)).Select(c => c.ClientId).ToListAsync(ct));
        var unknown = distinct.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
            // Another advisor's client reads exactly like one that does not exist.
            throw new InputValidationException(Field,
                $"{unknown.Count:N0} of the ids are not this advisor's clients (import them first): {string.Join(", ", unknown.Take(5))}{(unknown.Count > 5 ? ", …" : "")}.",
                unprocessable: true);
        return distinct;
    }
}
