using System.ComponentModel;
using Copilot.Clients;
using Copilot.Common;
using Copilot.Drafting;
using Microsoft.SemanticKernel;

namespace Copilot.Plugins.Drafting;

/// <summary>Drafts a message to one of the current advisor's clients; the draft waits for compliance review.</summary>
/// <param name="actor">Who asked the copilot (a key's name or a user): the drafts' creator on the audit trail.</param>
public sealed class DraftingPlugin(DraftCreation drafts, ClientDirectory clients, string advisorId, string actor)
{
    private readonly List<string> _created = [];

    /// <summary>The drafts created through this plugin instance (one chat turn).</summary>
    public IReadOnlyCollection<string> Created => _created;

    /// <summary>What the model learns about the draft it asked for.</summary>
    public sealed record DraftOutcome(string? DraftId, string? Status, string? Verdict, bool Flagged, string? Text, string? Link, string? Error);

    [KernelFunction("draft_message")]
    [Description("Draft a personalised message to one of the advisor's clients for a scenario, pre-check it for compliance and submit it for review. Returns the draft id and its text.")]
    public async Task<DraftOutcome> DraftAsync(
        [Description("The client's name or id, as lookup_client knows it")] string client,
        [Description("Scenario code: onboarding, dormant_reactivation, birthday, account_anniversary, risk_assessment_expiring, market_drop, sector_rally, product_launch, fund_dividend, large_loss_today, login_without_trading, emotion_care")] string scenario,
        [Description("Channel: wechat, sms or email")] string channel = "wechat",
        [Description("Anything the advisor asked to mention, in their words")] string? notes = null,
        CancellationToken ct = default)
    {
        var (draft, error) = await CreateAsync(client, scenario, channel, notes, $"chat-{Guid.NewGuid():N}", "copilot", ct);
        return draft is null ? Failed(error!)
            : new DraftOutcome(draft.Id, draft.Status, draft.Verdict, draft.Flagged, draft.Text, $"/v1/drafts/{draft.Id}", null);
    }

    /// <summary>
    /// The draft itself, through the service's draft creation (pre-check, footer, audit), for callers other than the
    /// model too: an MCP client passes its own request id as <paramref name="idempotencyKey"/>, unique per <paramref name="caller"/>,
    /// so a retried call gets the first draft back. A client that cannot be told apart, or an unknown scenario, is an error, not a draft.
    /// </summary>
    public async Task<(DraftView? Draft, string? Error)> CreateAsync(
        string client, string scenario, string channel, string? notes, string idempotencyKey, string caller, CancellationToken ct)
    {
        var matches = await clients.MatchAsync(advisorId, client.Trim(), ct);
        if (matches.Count == 0) return (null, $"No client '{client}' for this advisor; ask the advisor for the client's id, risk class and holdings.");
        if (matches.Count > 1)
            return (null, $"This advisor has {matches.Count} clients named '{client}' (ids {string.Join(", ", matches.Select(m => m.Id))}); ask which one and pass its id.");
        var portrait = matches[0];
        var kind = ScenarioCatalog.All.FirstOrDefault(s => s.Code == scenario.Trim())?.Kind;
        if (kind is null) return (null, $"Unknown scenario '{scenario}'.");
        try
        {
            var (draft, _) = await drafts.CreateAsync(
                new DraftRequest(advisorId, portrait, new DraftScenario(kind, scenario.Trim(), notes), channel, []), idempotencyKey, caller, actor, ct);
            _created.Add(draft.Id);
            return (draft, null);
        }
        catch (InputValidationException e)
        {
            return (null, e.Message);
        }
    }

    private static DraftOutcome Failed(string error) => new(null, null, null, false, null, null, error);
}
