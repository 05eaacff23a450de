using Copilot.Audit;
using Copilot.Clients;
using Copilot.Clients.Tags;
using Copilot.Common;
using Copilot.Knowledge;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Copilot.Leads;

/// <summary>
/// An advisor's service leads, computed when asked from the stored tags (the import and the daily recompute keep them current),
/// so what a lead says is always what the client's portrait says now. Marketing leads skip clients who opted out; no lead is
/// offered for a client already contacted Clients:ContactCapPer7Days times in 7 days; a dismissed or done lead stays away until
/// its fingerprint changes, a snoozed one until its day. Dismissing, snoozing and marking done are audited.
/// </summary>
public sealed class LeadBoard(
    IDbContextFactory<CopilotDbContext> contexts, LeadSubjects subjects, ClientTagging tagging, KnowledgeCatalog catalog,
    IContactHistory contacts, AuditedWork work, AuditTrail audit, TimeProvider time, IOptions<ClientOptions> options)
{
    public const string Dismissed = "dismissed";
    public const string Snoozed = "snoozed";
    public const string Done = "done";

    public async Task<LeadList> ListAsync(string advisorId, string? kind, int top, string language, CancellationToken ct)
    {
        var kinds = Kinds(kind);
        var (shown, withheld, asOf, members) = await EvaluateAsync(advisorId, null, kinds, language, ct);
        var ranked = shown.OrderByDescending(l => l.Score).ThenBy(l => l.ClientId, StringComparer.Ordinal).ThenBy(l => l.Kind, StringComparer.Ordinal).ToList();
        var items = await WithContentAsync(ranked.Take(top), members, asOf, language, ct);
        return new LeadList(advisorId, asOf, ranked.Count, items, withheld, options.Value.ContactCapPer7Days);
    }

    /// <summary>The leads one client would show in the list now, best first.</summary>
    public async Task<IReadOnlyList<Lead>> ForClientAsync(string advisorId, string clientId, string language, CancellationToken ct)
    {
        var (shown, _, asOf, members) = await EvaluateAsync(advisorId, clientId, LeadKinds.All, language, ct);
        return await WithContentAsync(shown.OrderByDescending(l => l.Score), members, asOf, language, ct);
    }

    /// <summary>Dismisses, snoozes (until a later day) or marks done a lead that stands now; another advisor's lead is not found.</summary>
    public async Task<LeadActionResult> ActAsync(string advisorId, string leadId, string action, DateOnly? until, string actor, CancellationToken ct)
    {
        var asOf = tagging.Today();
        if (action == Snoozed)
        {
            if (until is not { } day) throw new InputValidationException("until", "Give the day to snooze until (yyyy-MM-dd).");
            if (day <= asOf || day > asOf.AddDays(366)) throw new InputValidationException("until", $"Give a day after {asOf:yyyy-MM-dd} and within a year.");
        }
        else until = null;
        var parsed = LeadScorer.ParseId(leadId) ?? throw NotFound();
        IReadOnlyCollection<LeadKind> kinds = [LeadKinds.Find(parsed.Kind)!];
        var members = await subjects.LoadAsync(advisorId, kinds, parsed.ClientId, ct);
        var lead = members.SelectMany(m => Scorer().Build(m, kinds, "zh", 0)).FirstOrDefault(l => l.Id == leadId) is { } found
            ? LeadScorer.Fingerprinted(found) : throw NotFound();
        var result = new LeadActionResult(lead.Id, lead.ClientId, lead.Kind, action, lead.Fingerprint, until);
        await work.RunAsync(async db =>
        {
            var record = await db.LeadActions.FindAsync([advisorId, lead.Id], ct);
            if (record is null)
                db.LeadActions.Add(record = new LeadActionRecord
                {
                    AdvisorId = advisorId, LeadId = lead.Id, ClientId = lead.ClientId, Kind = lead.Kind, Action = action, Fingerprint = lead.Fingerprint, Actor = actor,
                });
            record.Action = action;
            record.Fingerprint = lead.Fingerprint;
            record.Until = until;
            record.Actor = actor;
            record.AtUtc = time.GetUtcNow().UtcDateTime;
            await audit.AppendAsync(db, "lead", lead.Id, action, actor, new { advisorId, lead.ClientId, lead.Kind, lead.Fingerprint, until, tags = lead.Reasons.Select(r => r.Tag) }, ct);
            return result;
        }, ct);
        return result;
    }

    private async Task<(List<Lead> Shown, LeadsWithheld Withheld, DateOnly AsOf, IReadOnlyDictionary<string, LeadSubject> Members)> EvaluateAsync(
        string advisorId, string? clientId, IReadOnlyCollection<LeadKind> kinds, string language, CancellationToken ct)
    {
        var asOf = tagging.Today();
        var cap = options.Value.ContactCapPer7Days;
        var members = await subjects.LoadAsync(advisorId, kinds, clientId, ct);
        var contacted = await contacts.ContactsSinceAsync(advisorId, time.GetUtcNow().UtcDateTime.AddDays(-7), clientId, ct);
        Dictionary<string, LeadActionRecord> actions;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var query = db.LeadActions.AsNoTracking().Where(a => a.AdvisorId == advisorId);
            if (clientId is not null) query = query.Where(a => a.ClientId == clientId);
            actions = await query.ToDictionaryAsync(a => a.LeadId, StringComparer.Ordinal, ct);
        }
        var scorer = Scorer();
        int optedOut = 0, capped = 0, dismissed = 0, done = 0, snoozed = 0;
        var shown = new List<Lead>();
        foreach (var member in members)
        {
            var count = contacted.GetValueOrDefault(member.ClientId);
            foreach (var built in scorer.Build(member, kinds, language, count))
            {
                var lead = built;
                if (LeadKinds.Find(lead.Kind)!.Marketing && member.ContactConsent == false) { optedOut++; continue; }
                if (count >= cap) { capped++; continue; }
                if (actions.TryGetValue(lead.Id, out var action))
                {
                    lead = LeadScorer.Fingerprinted(lead);
                    if (action.Action == Snoozed && action.Until > asOf) { snoozed++; continue; }
                    if (action.Action == Dismissed && action.Fingerprint == lead.Fingerprint) { dismissed++; continue; }
                    if (action.Action == Done && action.Fingerprint == lead.Fingerprint) { done++; continue; }
                }
                shown.Add(lead);
            }
        }
        return (shown, new LeadsWithheld(optedOut, capped, dismissed, done, snoozed), asOf, members.ToDictionary(m => m.ClientId, StringComparer.Ordinal));
    }

    /// <summary>The leads shown, worded and with their content: only these pay for reason texts and document picks.</summary>
    private async Task<IReadOnlyList<Lead>> WithContentAsync(
        IEnumerable<Lead> leads, IReadOnlyDictionary<string, LeadSubject> members, DateOnly asOf, string language, CancellationToken ct)
    {
        var list = leads.ToList();
        if (list.Count == 0) return list;
        var picker = new LeadContentPicker(await catalog.ListAsync(null, ct), asOf);
        var scorer = Scorer();
        return list.Select(l =>
        {
            var (lowest, clientLanguage) = members.TryGetValue(l.ClientId, out var m) ? (m.LowestClass, m.Language) : (true, "zh-CN");
            var ceiling = lowest ? 1 : RiskLevels.Level(l.RiskClass) ?? 1;
            return scorer.Worded(LeadScorer.Fingerprinted(l), language) with { Content = picker.For(LeadKinds.Find(l.Kind)!, ceiling, clientLanguage) };
        }).ToList();
    }

    private LeadScorer Scorer() => new(tagging, options.Value.ServiceThreshold);

    private static IReadOnlyCollection<LeadKind> Kinds(string? kind) =>
        string.IsNullOrWhiteSpace(kind) ? LeadKinds.All
        : LeadKinds.Find(kind.Trim()) is { } k ? [k]
        : throw new InputValidationException("kind", $"Use one of {string.Join(", ", LeadKinds.All.Select(x => x.Code))}.");

    private static NotFoundException NotFound() => new("No such lead for this advisor now (its reasons may no longer hold).");
}

/// <summary>What was done with a lead, and the fingerprint of the reasons it was done for.</summary>
public sealed record LeadActionResult(string Id, string ClientId, string Kind, string Action, string Fingerprint, DateOnly? Until);
