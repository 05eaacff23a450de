namespace Copilot.Campaigns;

/// <summary>Who a campaign is for: exactly one of a saved segment, a kind of service lead, or a list of client ids.</summary>
public sealed record CampaignAudience(string? Segment, string? LeadKind, IReadOnlyList<string>? ClientIds)
{
    public const string SegmentField = "segment";
    public const string LeadKindField = "leadKind";
    public const string ClientIdsField = "clientIds";

    /// <summary>The request field that names the audience, or null when none or several were sent.</summary>
    public string? Field => (Segment is not null, LeadKind is not null, ClientIds is not null) switch
    {
        (true, false, false) => SegmentField,
        (false, true, false) => LeadKindField,
        (false, false, true) => ClientIdsField,
        _ => null,
    };
}

/// <summary>
/// Resolves one kind of audience (one request field) into the advisor's own client ids. Each feature that defines
/// audiences registers one: Campaigns the client-id list; segments and leads theirs. A field without a source is
/// refused as not available.
/// </summary>
public interface ICampaignAudienceSource
{
    /// <summary>The request field it resolves: <see cref="CampaignAudience.ClientIdsField"/>, segment or leadKind.</summary>
    string Field { get; }

    /// <summary>The advisor's clients in the audience; an audience that names no such thing is an InputValidationException naming the field.</summary>
    Task<IReadOnlyList<string>> ResolveAsync(string advisorId, CampaignAudience audience, CancellationToken ct);
}
