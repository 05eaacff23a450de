using System.Text.RegularExpressions;

namespace Copilot.Api.Drafting;

/// <summary>The review queue's query string: status, advisor, scenario code, verdict, rule id, campaign and the page.</summary>
public sealed partial record DraftListParameters(
    string? Status, string? AdvisorId, string? Scenario, string? Verdict, string? RuleId, string? CampaignId, int? Page, int? PageSize)
{
    /// <summary>Rule ids as the rule files write them (CN-SUIT-02, US-2210-d1); anything else cannot name a rule.</summary>
    public static bool IsRuleId(string value) => RuleIdPattern().IsMatch(value);

    /// <summary>Campaign ids as the service makes them (cmp_ and 32 hex digits), or a CRM's own of the same characters.</summary>
    public static bool IsCampaignId(string value) => value.Length <= 40 && RuleIdPattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex RuleIdPattern();
}

/// <summary>One cell of the content matrix.</summary>
public sealed record ScenarioItem(string Kind, string Code);
