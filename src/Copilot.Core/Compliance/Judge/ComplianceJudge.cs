using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Copilot.Compliance.Rules;
using Copilot.Llm;
using Copilot.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Copilot.Compliance.Judge;

/// <summary>
/// Asks the configured model, through prompts/compliance-judge, for violations the rules missed (paraphrased promises,
/// implied certainty). Its findings are marked source "llm". A judge that fails or answers nonsense adds nothing:
/// the rules' verdict stands and the failure is logged.
/// </summary>
public sealed class ComplianceJudge(PromptLibrary prompts, ComplianceRuleSet rules, ILogger<ComplianceJudge> logger, IChatClient? model = null)
{
    public const string PromptName = "compliance-judge";

    // Structured output needs a resolver; web defaults read the model's "ruleId"/"RuleId" alike.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public bool IsEnabled => model is not null;

    public async Task<IReadOnlyList<ComplianceFinding>> JudgeAsync(
        string text, string language, string? channel, IReadOnlyList<ComplianceFinding> ruleFindings, CancellationToken ct)
    {
        if (model is null) return [];
        try
        {
            var fence = DataFence.New();
            var prompt = await prompts.RenderAsync(PromptName, fence, new Dictionary<string, object?>
            {
                ["language"] = language,
                ["channel"] = channel ?? "unknown",
                ["rules"] = RuleList(language),
                // "(none)" is ours, not the message's: it needs no fence (an empty block costs two fence tags).
                ["findings"] = ruleFindings.Count == 0 ? "(none)" : fence.Wrap("findings", FindingList(text, ruleFindings)),
                ["text"] = fence.Wrap("message", text),
            }, ct);
            using var call = ModelCallContext.Begin(ModelPurpose.Judge);
            var response = await model.GetResponseAsync<JudgeReply>([new ChatMessage(ChatRole.User, prompt)], Json, prompts.ChatOptionsFor(PromptName), cancellationToken: ct);
            var reply = response.TryGetResult(out var parsed) ? parsed : Salvage(response.Text);
            if (reply?.Findings is null)
            {
                logger.LogWarning("The compliance judge's reply was not the expected JSON; keeping the rule findings only");
                return [];
            }
            return ToFindings(text, language, reply.Findings, ruleFindings);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "The compliance judge failed; keeping the rule findings only");
            return [];
        }
    }

    private List<ComplianceFinding> ToFindings(string text, string language, IReadOnlyList<JudgeFinding> found, IReadOnlyList<ComplianceFinding> ruleFindings)
    {
        var findings = new List<ComplianceFinding>();
        foreach (var item in found)
        {
            if (item?.RuleId is not { } id || rules.Find(id.Trim()) is not { } rule || !rule.Languages.Contains(language))
            {
                logger.LogInformation("The compliance judge named an unknown or inapplicable rule {RuleId}; ignored", item?.RuleId);
                continue;
            }
            var (start, end) = Locate(text, item.Quote);
            // The rules already reported it: the judge adds nothing a reviewer needs.
            if (ruleFindings.Concat(findings).Any(f => f.RuleId == rule.Id && (start == end || (f.Start < end && start < f.End)))) continue;
            var reason = string.IsNullOrWhiteSpace(item.Reason) ? rule.MessageFor(language) : item.Reason.Trim();
            findings.Add(new ComplianceFinding(rule.Id, rule.Severity, reason, start, end, FindingSource.Llm));
        }
        return findings;
    }

    // Models often wrap JSON in a code fence or add a sentence around it.
    private static JudgeReply? Salvage(string? reply)
    {
        if (string.IsNullOrEmpty(reply)) return null;
        var start = reply.IndexOf('{');
        var end = reply.LastIndexOf('}');
        if (start < 0 || end <= start) return null;
        try
        {
            return JsonSerializer.Deserialize<JudgeReply>(reply.AsSpan(start, end - start + 1), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (int Start, int End) Locate(string text, string? quote)
    {
        var phrase = quote?.Trim().Trim('"', '“', '”', '\'', '「', '」');
        if (string.IsNullOrEmpty(phrase)) return (0, 0);
        var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? (0, 0) : (at, at + phrase.Length);
    }

    // Each rule's id, severity and title: what the judge matches a message against. The law and article it rests on
    // (rule.Source) are for the reviewer, who sees them with the finding; the judge cannot use them, and they were a third of
    // its prompt.
    private string RuleList(string language)
    {
        var list = new StringBuilder();
        foreach (var rule in rules.Rules.Where(r => r.Languages.Contains(language)))
            list.Append("- ").Append(rule.Id).Append(" (").Append(rule.Severity).Append("): ").AppendLine(rule.Title);
        return list.ToString();
    }

    private static string FindingList(string text, IReadOnlyList<ComplianceFinding> findings)
    {
        var list = new StringBuilder();
        foreach (var f in findings)
            list.Append("- ").Append(f.RuleId).Append(": \"").Append(f.End > f.Start ? text[f.Start..f.End] : "(whole message)").AppendLine("\"");
        return list.ToString();
    }
}
