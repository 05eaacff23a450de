using Copilot.Compliance;
using Copilot.Compliance.Rules;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Copilot.UnitTests.Compliance;

/// <summary>The repository's knowledge/rules, loaded once for all compliance tests, and a rules-only checker over them.</summary>
internal static class ComplianceTestRules
{
    public static string Folder => Path.Combine(TestPaths.RepositoryRoot, "knowledge", "rules");

    public static ComplianceRuleSet Rules { get; } = ComplianceRuleSet.Load(Folder);

    public static ComplianceChecker RulesOnly { get; } = Checker();

    public static ComplianceChecker Checker(Copilot.Compliance.Judge.ComplianceJudge? judge = null, bool useJudge = true) =>
        new(Rules, Options.Create(new ComplianceOptions { RulesFolder = Folder, UseLlmJudge = useJudge }), NullLogger<ComplianceChecker>.Instance, judge);

    public static ComplianceResult Check(string text, string? language = null, ClientProfile? client = null, params ProductRef[] products) =>
        RulesOnly.CheckAsync(new ComplianceCheckRequest(text, language, null, client, products), CancellationToken.None).GetAwaiter().GetResult();

    public static IReadOnlyList<string> RuleIds(string text, string? language = null, ClientProfile? client = null, params ProductRef[] products) =>
        Check(text, language, client, products).Findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();
}
