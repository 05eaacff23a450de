using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Copilot.Clients;
using Copilot.Clients.Tags;

namespace Copilot.Leads;

/// <summary>
/// Turns a client's stored tags into leads and scores each as a sum of parts a person can check: the kind's base points, the
/// strength of what raised it (0–25), the account's size (0–20, 5 points per tenfold above ¥10,000), 5 per supporting tag,
/// and −10 on a marketing lead for a client who complained in the last 12 months.
/// </summary>
public sealed class LeadScorer(ClientTagging tagging, double serviceThreshold)
{
    /// <summary>
    /// The client's leads of these kinds. Reasons carry their values but no text yet, and the fingerprint is left empty:
    /// <see cref="Worded"/> and <see cref="Fingerprinted"/> add them where needed (the leads shown, those with an action).
    /// </summary>
    public IEnumerable<Lead> Build(LeadSubject member, IReadOnlyCollection<LeadKind> kinds, string language, int contacts)
    {
        if (member.Tags.Count == 0) yield break;
        var en = language == "en";
        var tags = new Dictionary<string, ClientTag?>(StringComparer.Ordinal);
        foreach (var tag in member.Tags)
            tags[tag.TagId] = tagging.Rules.Find(tag.TagId) is { } rule
                ? new ClientTag(rule.Id, rule.Title(language), "", ClientTagging.ReadValues(tag.ValuesJson), tag.Since, tag.AsOf, rule.File)
                : null;
        ClientTag? Find(string id) => tags.GetValueOrDefault(id);
        var r = member;
        foreach (var kind in kinds)
        {
            var triggers = kind.Triggers.Select(Find).OfType<ClientTag>().ToList();
            if (triggers.Count == 0) continue;
            var supports = kind.Supports.Select(Find).OfType<ClientTag>().ToList();
            var parts = new List<ScorePart>
            {
                new("kind", kind.Base, en ? $"{kind.En}: base points of the kind" : $"{kind.Zh}：类型基础分"),
                Signal(kind.Code, triggers, en),
                Assets(r.TotalAssets, en),
            };
            parts.AddRange(supports.Select(s => new ScorePart("support", 5, en ? $"Also: {s.Title}" : $"叠加：{s.Title}")));
            if (kind.Marketing && Find(LeadSubjects.ComplaintTag) is not null)
                parts.Add(new ScorePart("complaint", -10, (en ? "Complained in the last 12 months: " : "近12个月有投诉：") + (en ? "less pressing" : "营销类降权")));
            var reasons = triggers.Select(t => Reason(t, true)).Concat(supports.Select(s => Reason(s, false))).ToList();
            yield return new Lead(
                Id(kind.Code, r.ClientId), r.AdvisorId, r.ClientId, r.Name, kind.Code, kind.Title(language), Math.Round(parts.Sum(p => p.Points), 1), parts,
                reasons, new LeadScenario(kind.ScenarioKind, kind.ScenarioCode), r.PreferredChannel ?? "wechat", [], r.RiskClass,
                "", contacts);
        }
    }

    public static Lead Fingerprinted(Lead lead) => lead.Fingerprint.Length > 0 ? lead : lead with { Fingerprint = Fingerprint(lead.Kind, lead.Reasons) };

    /// <summary>The lead with each reason's text written from its rule and values, in the language.</summary>
    public Lead Worded(Lead lead, string language) => lead with
    {
        Reasons = lead.Reasons.Select(r => tagging.Rules.Find(r.Tag) is { } rule ? r with { Text = rule.Reason(r.Values, language) } : r).ToList(),
    };

    private static LeadReason Reason(ClientTag t, bool trigger) => new(t.Id, t.Title, t.Reason, t.Values, t.Since, trigger);

    private ScorePart Signal(string kind, IReadOnlyList<ClientTag> triggers, bool en)
    {
        double V(string tag, string fact) => triggers.FirstOrDefault(t => t.Id == tag)?.Values.GetValueOrDefault(fact) as double? ?? 0;
        bool Has(string tag) => triggers.Any(t => t.Id == tag);
        var (points, because) = kind switch
        {
            LeadKinds.CareAfterLoss => (Math.Max(-Math.Min(0, V("large_loss", "pnl30dRatio")), Math.Max(V("large_loss", "maxDrawdown"), V("margin_near_call", "maxDrawdown"))) * 100
                + (Has("margin_near_call") ? 10 : 0),
                en ? "loss or drawdown in percent, +10 for a margin account near its line" : "亏损或回撤的百分点，两融接近预警加10"),
            LeadKinds.FixRiskMismatch => (V("risk_mismatch", "holdingRiskAboveClass") * 8 + V("risk_mismatch", "mismatchedWeight") * 20,
                en ? "8 per level above the client's class, plus 20 × the share held above it" : "每超一级8分，加超配占比×20"),
            LeadKinds.RenewAssessment => Has("assessment_expired")
                ? (25, en ? "the assessment has expired" : "测评已过期")
                : (5 + 20 * (30 - V("assessment_expiring", "daysToAssessmentExpiry")) / 30, en ? "the closer the expiry, the more points" : "越临近到期分越高"),
            LeadKinds.Recall => (10 + 50 * (V("requalified", "totalAssets") / Math.Max(1, serviceThreshold) - 1),
                en ? "10, plus 50 × how far above the service threshold" : "10分，加超过服务门槛的幅度×50"),
            LeadKinds.Reactivate => (5 + 20 * Math.Max(0, 1 - (V("dormant", "daysSinceLogin") - 90) / 365),
                en ? "the more recently dormant, the likelier to return" : "沉睡越短越容易激活"),
            _ => (Math.Max(Has("high_cash") ? 5 * Math.Log10(Math.Max(1, V("high_cash", "idleCash") / 1000)) : 0, 20 * V("small_active", "appActiveDays30d") / 30),
                en ? "5 per tenfold of idle cash above ¥1,000, or app activity" : "闲置资金每超¥1,000十倍5分，或按活跃天数"),
        };
        return new ScorePart("signal", Math.Round(Math.Clamp(points, 0, 25), 1), because);
    }

    private static ScorePart Assets(double? assets, bool en)
    {
        var points = Math.Round(Math.Clamp(5 * Math.Log10(Math.Max(1, (assets ?? 0) / 10_000)), 0, 20), 1);
        var amount = ClientFacts.Format(FactKind.Amount, assets ?? 0, en ? "en" : "zh");
        return new ScorePart("assets", points, en ? $"assets {amount}: 5 per tenfold above ¥10,000" : $"总资产{amount}：超过¥1万每十倍5分");
    }

    /// <summary>The lead's id: its kind and client, readable back, safe in a URL.</summary>
    public static string Id(string kind, string clientId) => "ld_" + Base64Url(Encoding.UTF8.GetBytes(kind + ":" + clientId));

    public static (string Kind, string ClientId)? ParseId(string? id)
    {
        if (id is not ['l', 'd', '_', .. var rest] || rest.Length > 300) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(rest.Replace('-', '+').Replace('_', '/').PadRight((rest.Length + 3) / 4 * 4, '=')));
            var colon = text.IndexOf(':');
            return colon > 0 && LeadKinds.Find(text[..colon]) is { } kind && colon < text.Length - 1 ? (kind.Code, text[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The reasons as they stand, without what drifts by itself: days-since counts (the tag's since date stands for them),
    /// amounts to two significant figures and ratios to two decimals, so a market's daily wiggle does not bring a dismissed lead back.
    /// </summary>
    public static string Fingerprint(string kind, IEnumerable<LeadReason> reasons)
    {
        var text = new StringBuilder(kind);
        foreach (var reason in reasons.OrderBy(r => r.Tag, StringComparer.Ordinal))
        {
            text.Append('|').Append(reason.Tag).Append('@').Append(reason.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            foreach (var (name, value) in reason.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                var fact = ClientFacts.Find(name);
                if (fact?.Kind == FactKind.Days) continue;
                text.Append(';').Append(name).Append('=').Append(value switch
                {
                    double d when fact?.Kind == FactKind.Amount => Significant(d, 2).ToString("R", CultureInfo.InvariantCulture),
                    double d when fact?.Kind == FactKind.Ratio => Math.Round(d, 2).ToString("R", CultureInfo.InvariantCulture),
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    _ => value?.ToString() ?? "",
                });
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static double Significant(double value, int digits)
    {
        if (value == 0) return 0;
        var scale = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) + 1 - digits);
        return Math.Round(value / scale) * scale;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
