using Copilot.Drafting;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Copilot.Outcomes;

/// <summary>
/// Stamps a contact (a "sent" event) with the client as they were when it was recorded: dormant or not, their assets, and
/// the end of its follow-up window. Dormant means no login in the <see cref="OutcomeOptions.DormantDays"/> days up to the
/// contact: the latest login known at or before the contact — the portrait's last login (when not after the contact) or a
/// logged_in event — is missing or that many days or more before it. A portrait whose last login is after the contact
/// (imported after the client came back, before the CRM reported the contact) says nothing about the time before it: with
/// no logged_in event to go by, such a client is not counted dormant, so the reactivation figure never claims a client it
/// cannot show was dormant.
/// </summary>
public sealed class ContactStamp(IOptions<OutcomeOptions> options)
{
    /// <summary>The sent event for a draft the CRM confirmed through POST /v1/drafts/{id}/sent.</summary>
    public static OutcomeEvent ForSentDraft(Draft draft, DateTime at, string actor) => new()
    {
        AdvisorId = draft.AdvisorId, Id = $"draft-sent:{draft.Id}", ClientId = draft.ClientId, DraftId = draft.Id,
        Kind = OutcomeKinds.Sent, AtUtc = at, ContentSha256 = "", RecordedBy = actor, RecordedAtUtc = at,
    };

    /// <summary>Fills the contact fields from the records as <paramref name="db"/> sees them (inside the caller's transaction).</summary>
    public async Task StampAsync(CopilotDbContext db, OutcomeEvent sent, CancellationToken ct)
    {
        var settings = options.Value;
        var contactDay = DateOnly.FromDateTime(sent.AtUtc);
        var portrait = await db.Clients.AsNoTracking().Where(c => c.AdvisorId == sent.AdvisorId && c.ClientId == sent.ClientId)
            .Select(c => new { c.LastLoginOn, c.TotalAssets }).FirstOrDefaultAsync(ct);
        var loginEvent = await db.OutcomeEvents.AsNoTracking()
            .Where(e => e.AdvisorId == sent.AdvisorId && e.ClientId == sent.ClientId && e.Kind == OutcomeKinds.LoggedIn && e.AtUtc <= sent.AtUtc)
            .OrderByDescending(e => e.AtUtc).Select(e => (DateTime?)e.AtUtc).FirstOrDefaultAsync(ct);
        DateOnly? lastLogin = portrait?.LastLoginOn is { } day && day <= contactDay ? day : null;
        if (loginEvent is { } at && (lastLogin is null || DateOnly.FromDateTime(at) > lastLogin)) lastLogin = DateOnly.FromDateTime(at);
        var loginAfterContact = portrait?.LastLoginOn > contactDay;
        sent.DormantAtContact = lastLogin is { } last ? contactDay.DayNumber - last.DayNumber >= settings.DormantDays : !loginAfterContact;
        sent.AssetsAtContact = portrait?.TotalAssets;
        sent.FollowUntilUtc = sent.AtUtc.AddDays(settings.FollowUpDays);
    }
}
