using System.ComponentModel;
using Copilot.Api.Auth;
using Copilot.Api.Clients;
using Copilot.Common;
using Copilot.Leads;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.Server;

namespace Copilot.Api.Mcp;

/// <summary>The advisor's service leads for an assistant: who to contact, why, with what. An advisor's key sees its own clients only.</summary>
[McpServerToolType]
[Authorize(Policy = AuthPolicies.Drafting)]
public sealed class LeadMcpTools(McpToolContext context, LeadBoard board)
{
    [McpServerTool(Name = "list_leads", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("List the advisor's service leads, best first: which clients to contact and why. Each lead has its kind (reactivate 激活, "
        + "bring_in_assets 归集, recall 召回, fix_risk_mismatch, renew_assessment, care_after_loss), a score with its parts, the reasons in words "
        + "and numbers (e.g. 已120天未登录), the suggested scenario and channel for draft_client_message, and client-facing documents suited to the "
        + "client's risk class. Clients who opted out of marketing, or were contacted too often this week, are left out.")]
    public Task<LeadList> ListLeadsAsync(
        [Description("Only this kind: reactivate, bring_in_assets, recall, fix_risk_mismatch, renew_assessment or care_after_loss; omit for all")] string? kind = null,
        [Description("How many leads, 1 to 100 (default 10)")] int top = 10,
        [Description("Language of the reasons: zh (default) or en")] string? language = null,
        [Description("CRM and admin keys: the advisor whose leads (required). Advisor keys: omit (a key sees its own advisor's leads only)")] string? advisorId = null,
        CancellationToken ct = default) => context.RunAsync("list_leads", async () =>
    {
        if (top is < 1 or > 100) throw new InputValidationException("top", "Use a number between 1 and 100.");
        return await board.ListAsync(context.AdvisorFor(advisorId), string.IsNullOrWhiteSpace(kind) ? null : kind, top, Languages.Parse(language), ct);
    });
}
