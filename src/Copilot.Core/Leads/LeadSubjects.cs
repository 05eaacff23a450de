using Copilot.Clients.Tags;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Leads;

/// <summary>
/// A client as leads see them: the few portrait columns a lead reads (not the holdings or the stored tags' JSON of the whole
/// portrait) and only the tags lead kinds name.
/// </summary>
public sealed record LeadSubject(
    string AdvisorId, string ClientId, string Name, string RiskClass, double? TotalAssets, string? PreferredChannel, bool? ContactConsent,
    bool LowestClass, string Language, IReadOnlyList<ClientTagRecord> Tags);

/// <summary>
/// Reads an advisor's lead subjects in two narrow queries: the clients holding a tag that raises one of the kinds asked for (the
/// filter runs in the database, so a quiet client costs nothing), and the tags those kinds read. Leads for 4,000 clients spent
/// most of their time materialising every whole portrait, holdings JSON included, for the six columns a lead uses.
/// </summary>
public sealed class LeadSubjects(IDbContextFactory<CopilotDbContext> contexts)
{
    /// <summary>The tag that lowers a marketing lead's score: read with the kinds' own tags.</summary>
    public const string ComplaintTag = "recent_complaint";

    /// <param name="clientId">One client only, or the advisor's whole book when null.</param>
    public async Task<IReadOnlyList<LeadSubject>> LoadAsync(string advisorId, IReadOnlyCollection<LeadKind> kinds, string? clientId, CancellationToken ct)
    {
        var triggers = kinds.SelectMany(k => k.Triggers).Distinct(StringComparer.Ordinal).ToList();
        var read = kinds.SelectMany(k => k.Triggers.Concat(k.Supports)).Append(ComplaintTag).Distinct(StringComparer.Ordinal).ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var clients = db.Clients.AsNoTracking().Where(c => c.AdvisorId == advisorId
            && db.ClientTags.Any(t => t.AdvisorId == advisorId && t.ClientId == c.ClientId && triggers.Contains(t.TagId)));
        var tags = db.ClientTags.AsNoTracking().Where(t => t.AdvisorId == advisorId && read.Contains(t.TagId));
        if (clientId is not null)
        {
            clients = clients.Where(c => c.ClientId == clientId);
            tags = tags.Where(t => t.ClientId == clientId);
        }
        var rows = await clients.OrderBy(c => c.ClientId)
            .Select(c => new { c.ClientId, c.Name, c.RiskClass, c.TotalAssets, c.PreferredChannel, c.ContactConsent, c.LowestClass, c.Language })
            .ToListAsync(ct);
        var byClient = (await tags.ToListAsync(ct)).ToLookup(t => t.ClientId, StringComparer.Ordinal);
        return rows.Select(c => new LeadSubject(advisorId, c.ClientId, c.Name, c.RiskClass, c.TotalAssets, c.PreferredChannel, c.ContactConsent,
            c.LowestClass, c.Language, byClient[c.ClientId].ToList())).ToList();
    }
}
