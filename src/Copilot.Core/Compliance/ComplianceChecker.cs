using Copilot.Common;
using Copilot.Compliance.Judge;
using Copilot.Compliance.Rules;
using Copilot.Llm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Copilot.Compliance;

/// <summary>
/// The compliance pre-check: deterministic rules first (suitability from the client and products, then lexicons and
/// patterns that know negation and disclaimers), then — when a model is configured — an LLM judge that may add findings.
/// </summary>
public sealed class ComplianceChecker(
    ComplianceRuleSet rules, IOptions<ComplianceOptions> options, ILogger<ComplianceChecker> logger, ComplianceJudge? judge = null,
    GeneratorInfo? generator = null)
{
    /// <exception cref="InputValidationException">The request names a bad field.</exception>
    public async Task<ComplianceResult> CheckAsync(ComplianceCheckRequest request, CancellationToken ct)
    {
        ComplianceRequestValidator.Validate(request, options.Value.MaxTextLength);
        var language = request.Language is { } given
            ? ComplianceRequestValidator.LanguageKey(given)!
            : LanguageDetector.IsChinese(request.Text) ? "zh" : "en";

        var findings = rules.Evaluate(request.Text, language, request.Client, request.Products);
        var version = rules.Version;
        if (options.Value.UseLlmJudge && judge is { IsEnabled: true })
        {
            version += $"+judge:{generator?.Name ?? "llm"}";
            var added = await judge.JudgeAsync(request.Text, language, request.Channel, findings, ct);
            if (added.Count > 0)
                findings = findings.Concat(added).OrderBy(f => f.Start).ThenBy(f => f.End).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList();
        }

        var result = ComplianceResult.From(findings) with { RulesVersion = version };
        logger.LogDebug("Compliance check ({Language}, {Length} chars): {Verdict} with {Findings} findings [{RuleIds}]",
            language, request.Text.Length, result.Verdict, findings.Count, string.Join(",", findings.Select(f => f.RuleId).Distinct()));
        return result;
    }
}
