using Copilot.Campaigns;
using Copilot.Clients.Segments;
using Copilot.Common;

namespace Copilot.Leads;

/// <summary>A campaign for a saved segment: the advisor's clients in it now. Another advisor's segment reads as one that does not exist.</summary>
public sealed class SegmentAudience(SegmentStore segments) : ICampaignAudienceSource
{
    public string Field => CampaignAudience.SegmentField;

    public async Task<IReadOnlyList<string>> ResolveAsync(string advisorId, CampaignAudience audience, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(audience.Segment)) throw new InputValidationException(Field, "Name a saved segment.");
        try
        {
            var (_, clients) = await segments.MembersAsync(audience.Segment.Trim(), owner => owner == advisorId, ct);
            return clients.Count > 0 ? clients : throw new InputValidationException(Field, "The segment has no clients now.", unprocessable: true);
        }
        catch (NotFoundException)
        {
            throw new InputValidationException(Field, "No such segment for this advisor.", unprocessable: true);
        }
    }
}

/// <summary>
/// A campaign for one kind of service lead: the clients whose lead of that kind stands now, best first — after consent, the
/// contact cap, dismissals and snoozes, exactly as GET /v1/leads lists them.
/// </summary>
public sealed class LeadKindAudience(LeadBoard leads, Microsoft.Extensions.Options.IOptions<CampaignOptions> options) : ICampaignAudienceSource
{
    public string Field => CampaignAudience.LeadKindField;

    public async Task<IReadOnlyList<string>> ResolveAsync(string advisorId, CampaignAudience audience, CancellationToken ct)
    {
        if (LeadKinds.Find(audience.LeadKind?.Trim()) is not { } kind)
            throw new InputValidationException(Field, $"Use one of {string.Join(", ", LeadKinds.All.Select(k => k.Code))}.");
        var list = await leads.ListAsync(advisorId, kind.Code, options.Value.MaxClients, "zh", ct);
        var clients = list.Items.Select(l => l.ClientId).Distinct(StringComparer.Ordinal).ToList();
        return clients.Count > 0 ? clients : throw new InputValidationException(Field, "No lead of this kind stands now.", unprocessable: true);
    }
}
