using System.ComponentModel;
using Copilot.Api.Auth;
using Copilot.Clients;
using Copilot.Common;
using Copilot.Drafting;
using Copilot.Plugins.Clients;
using Copilot.Plugins.Drafting;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.Server;

namespace Copilot.Api.Mcp;

/// <summary>
/// The tools that act for one advisor: their clients, a draft for one of them, their drafts. Listed only to callers who
/// may draft (advisors, the CRM, admins); an advisor's key reaches its own advisor's records and no one else's.
/// </summary>
[McpServerToolType]
[Authorize(Policy = AuthPolicies.Drafting)]
public sealed class AdvisorMcpTools(McpToolContext context, ClientDirectory clients, DraftCreation drafts, DraftReview review)
{
    private const string AdvisorIdHelp = "CRM and admin keys: the advisor this call acts for (required). Advisor keys: omit (a key acts for its own advisor only)";

    /// <summary>What an assistant learns about a draft it asked for or looked up.</summary>
    public sealed record DraftSummary(
        string DraftId, string Status, string Verdict, bool Flagged, string Text, IReadOnlyList<Copilot.Compliance.ComplianceFinding> Findings,
        string Generator, string ClientId, string ScenarioCode, string Channel, string? ReviewComment, string Link)
    {
        public static DraftSummary From(DraftView d) => new(d.Id, d.Status, d.Verdict, d.Flagged, d.Text, d.Findings, d.Generator,
            d.ClientId, d.ScenarioCode, d.Channel, d.ReviewComment, $"/v1/drafts/{d.Id}");
    }

    [McpServerTool(Name = "lookup_client", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Find the advisor's own clients by name as written (e.g. 张先生, 李女士) or by client id. Returns each match's portrait: id, name, "
        + "risk class (C1-C5), horizon in months, lifecycle stage, holdings, tags. Several matches are several people: ask which one is meant and use its id.")]
    public Task<IReadOnlyList<ClientPortrait>> LookupClientAsync(
        [Description("The client's name or client id")] string nameOrId,
        [Description(AdvisorIdHelp)] string? advisorId = null,
        CancellationToken ct = default) => context.RunAsync("lookup_client", async () =>
    {
        if (string.IsNullOrWhiteSpace(nameOrId)) throw new InputValidationException("nameOrId", "Give the client's name or id.");
        return await new ClientsPlugin(clients, context.AdvisorFor(advisorId)).LookupAsync(nameOrId, ct);
    });

    [McpServerTool(Name = "draft_client_message", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Draft a personalised message (Chinese unless the client's language is English) to one of the advisor's clients for a scenario. "
        + "The service writes it, adds the advisor's identity and risk footer, pre-checks it for compliance and stores it awaiting a compliance "
        + "officer's review: it is never sent from here. Returns the draft id, status (PendingReview), verdict (pass, review or fail) and findings. "
        + "Send a new requestId for each new message; retrying with the same requestId returns the same draft, never a second one.")]
    public Task<DraftSummary> DraftClientMessageAsync(
        [Description("The client's id, or name when only one of the advisor's clients has it (see lookup_client)")] string client,
        [Description("Scenario code: onboarding, dormant_reactivation, birthday, account_anniversary, risk_assessment_expiring, market_drop, sector_rally, product_launch, fund_dividend, large_loss_today, login_without_trading, emotion_care")] string scenario,
        [Description("A unique id for this request (e.g. a UUID), 1-128 visible ASCII characters; reuse it only to retry the same request")] string requestId,
        [Description("Channel: wechat (default), sms or email")] string channel = "wechat",
        [Description("What the advisor asked to mention, in their words")] string? notes = null,
        [Description(AdvisorIdHelp)] string? advisorId = null,
        CancellationToken ct = default) => context.RunAsync("draft_client_message", async () =>
    {
        var caller = context.Caller;
        var advisor = context.AdvisorFor(advisorId);
        if (string.IsNullOrWhiteSpace(client)) throw new InputValidationException("client", "Name the client (id or name).");
        if (string.IsNullOrWhiteSpace(scenario)) throw new InputValidationException("scenario", "Give a scenario code.");
        var plugin = new DraftingPlugin(drafts, clients, advisor, caller.AuthorFor(advisor));
        // The request id is the Idempotency-Key, per caller, as on POST /v1/drafts.
        var (draft, error) = await plugin.CreateAsync(client, scenario, channel, notes, requestId, caller.Name, ct);
        return draft is null ? throw new ModelContextProtocol.McpException(error!) : DraftSummary.From(draft);
    });

    [McpServerTool(Name = "get_draft", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Read one of the advisor's drafts by id: its text, review status (PendingReview, Approved, Rejected, ChangesRequested, Sent), "
        + "the compliance verdict and findings, and the reviewer's comment. Another advisor's draft does not exist here.")]
    public Task<DraftSummary> GetDraftAsync(
        [Description("The draft id, as draft_client_message returned it (dft_...)")] string draftId,
        CancellationToken ct = default) => context.RunAsync("get_draft", async () =>
    {
        if (string.IsNullOrWhiteSpace(draftId)) throw new InputValidationException("draftId", "Give the draft id.");
        return DraftSummary.From(await review.GetAsync(draftId.Trim(), context.Caller.CanSee, ct));
    });
}
