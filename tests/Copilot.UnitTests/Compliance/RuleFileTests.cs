using Copilot.Compliance.Rules;

namespace Copilot.UnitTests.Compliance;

/// <summary>The shipped rule files are complete, and a broken rule file fails at load naming the file and the rule.</summary>
public sealed class RuleFileTests : IDisposable
{
    private static readonly string[] IssueRuleIds =
    [
        "CN-SUIT-01", "CN-SUIT-02", "CN-SUIT-03", "CN-SUIT-04", "CN-SUIT-05",
        "CN-IA-01", "CN-IA-02", "CN-IA-03", "CN-IA-04", "CN-IA-05", "CN-IA-06", "CN-IA-07", "CN-IA-08", "CN-IA-09",
        "CN-MKT-01", "CN-MKT-02", "CN-MKT-03", "US-2210-01", "US-2210-02", "US-2210-03", "US-2210-04", "US-MKT-05",
        "CN-CONTACT-01",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "copilot-rules-" + Guid.NewGuid().ToString("N"));

    public RuleFileTests()
    {
        Directory.CreateDirectory(_folder);
        // Every broken-file test starts from the real language cues, so only the rule under test is wrong.
        File.Copy(Path.Combine(ComplianceTestRules.Folder, "language.json"), Path.Combine(_folder, "language.json"));
    }

    [Fact]
    public void Every_rule_of_the_issue_is_defined_once_with_a_source_severity_and_messages_in_both_languages()
    {
        var rules = ComplianceTestRules.Rules.Rules;

        Assert.Equal(IssueRuleIds.Order(), rules.Select(r => r.Id).Order());
        Assert.All(rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Source), rule.Id);
            Assert.Contains(rule.Severity, new[] { "block", "warn" });
            Assert.NotEmpty(rule.Languages);
            Assert.False(string.IsNullOrWhiteSpace(rule.Messages["zh"]), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Messages["en"]), rule.Id);
        });
        Assert.Contains("第135条", ComplianceTestRules.Rules.Find("CN-IA-01")!.Source);
        Assert.Contains("2210", ComplianceTestRules.Rules.Find("US-2210-04")!.Source);
        Assert.Equal(["en", "zh"], ComplianceTestRules.Rules.Languages.Order());
    }

    [Fact]
    public void An_allow_list_exempts_a_trigger_only_when_it_covers_the_trigger_whole()
    {
        WriteRule("""{ "kind": "text", "negatable": false, "patterns": ["[a-z]+\\.example"], "allow": { "name": "ours", "terms": ["firm.example"] } }""");
        var rules = ComplianceRuleSet.Load(_folder);

        Assert.DoesNotContain(rules.Evaluate("见 firm.example 官网", "zh", null, null), f => f.RuleId == "T-1");
        Assert.Single(rules.Evaluate("见 evil.example 官网", "zh", null, null), f => f.RuleId == "T-1");
    }

    [Fact]
    public void An_allow_list_on_a_structured_check_is_refused()
    {
        WriteRule("""{ "kind": "product-above-client-class", "allow": { "name": "x", "terms": ["y"] } }""");

        Assert.Contains("declinedBy", Assert.Throws<ComplianceRulesException>(() => ComplianceRuleSet.Load(_folder)).Message);
    }

    [Fact]
    public void An_unknown_check_kind_fails_loudly_naming_the_rule_and_the_kind()
    {
        WriteRule("""{ "kind": "astrology", "terms": ["x"] }""");

        var error = Assert.Throws<ComplianceRulesException>(() => ComplianceRuleSet.Load(_folder));

        Assert.Contains("T-1", error.Message);
        Assert.Contains("astrology", error.Message);
        Assert.Contains("test.json", error.Message);
    }

    [Theory]
    [InlineData("""{ "id": "T-1", "severity": "block", "languages": ["zh"], "message": { "zh": "m", "en": "m" }, "match": [ { "kind": "text", "terms": ["x"] } ] }""", "source")]
    [InlineData("""{ "id": "T-1", "source": "s", "severity": "fatal", "languages": ["zh"], "message": { "zh": "m", "en": "m" }, "match": [ { "kind": "text", "terms": ["x"] } ] }""", "severity")]
    [InlineData("""{ "id": "T-1", "source": "s", "severity": "warn", "languages": ["fr"], "message": { "zh": "m", "en": "m" }, "match": [ { "kind": "text", "terms": ["x"] } ] }""", "languages")]
    [InlineData("""{ "id": "T-1", "source": "s", "severity": "warn", "languages": ["zh"], "message": { "zh": "m" }, "match": [ { "kind": "text", "terms": ["x"] } ] }""", "message")]
    [InlineData("""{ "id": "T-1", "source": "s", "severity": "warn", "languages": ["zh"], "message": { "zh": "m", "en": "m" }, "match": [] }""", "match")]
    [InlineData("""{ "source": "s", "severity": "warn", "languages": ["zh"], "message": { "zh": "m", "en": "m" }, "match": [ { "kind": "text", "terms": ["x"] } ] }""", "no id")]
    [InlineData("""{ "id": "T-1", "source": "s", "severity": "warn", "languages": ["zh"], "message": { "zh": "m", "en": "m" }, "match": [ { "kind": "text", "patterns": ["(unclosed"] } ] }""", "does not compile")]
    [InlineData("""{ "id": "T-1", "source": "s", "severity": "warn", "languages": ["zh"], "message": { "zh": "m", "en": "m" }, "match": [ { "kind": "text", "pattern": ["typo"] } ] }""", "pattern")]
    [InlineData("""{ "id": "T-1", "source": "s", "severity": "warn", "languages": ["zh"], "message": { "zh": "m", "en": "m" }, "match": [ { "kind": "product-above-client-class", "terms": ["x"] } ] }""", "declinedBy")]
    public void A_rule_missing_what_it_needs_is_rejected_with_the_reason(string rule, string mentioned)
    {
        File.WriteAllText(Path.Combine(_folder, "test.json"), $$"""{ "schema": 1, "rules": [ {{rule}} ] }""");

        var error = Assert.Throws<ComplianceRulesException>(() => ComplianceRuleSet.Load(_folder));

        Assert.Contains(mentioned, error.Message);
    }

    [Fact]
    public void A_rule_id_defined_twice_is_rejected()
    {
        WriteRule("""{ "kind": "text", "terms": ["x"] }""");
        File.Copy(Path.Combine(_folder, "test.json"), Path.Combine(_folder, "test-copy.json"));

        Assert.Contains("defined twice", Assert.Throws<ComplianceRulesException>(() => ComplianceRuleSet.Load(_folder)).Message);
    }

    [Fact]
    public void Rules_without_language_cues_and_folders_without_rules_are_rejected()
    {
        File.Delete(Path.Combine(_folder, "language.json"));
        WriteRule("""{ "kind": "text", "terms": ["x"] }""");
        Assert.Contains("language cues", Assert.Throws<ComplianceRulesException>(() => ComplianceRuleSet.Load(_folder)).Message);

        File.Delete(Path.Combine(_folder, "test.json"));
        Assert.Contains("no *.json", Assert.Throws<ComplianceRulesException>(() => ComplianceRuleSet.Load(_folder)).Message);
        Assert.Contains("does not exist", Assert.Throws<ComplianceRulesException>(() => ComplianceRuleSet.Load(Path.Combine(_folder, "missing"))).Message);
    }

    [Fact]
    public void Invalid_json_names_the_file()
    {
        File.WriteAllText(Path.Combine(_folder, "broken.json"), "{ \"schema\": 1, \"rules\": [ ");

        Assert.Contains("broken.json", Assert.Throws<ComplianceRulesException>(() => ComplianceRuleSet.Load(_folder)).Message);
    }

    [Fact]
    public void A_valid_minimal_rule_file_loads_and_matches()
    {
        WriteRule("""{ "kind": "text", "terms": ["禁语"] }""");

        var rules = ComplianceRuleSet.Load(_folder);

        var finding = Assert.Single(rules.Evaluate("这是禁语。", "zh", null, null));
        Assert.Equal(("T-1", 2, 4), (finding.RuleId, finding.Start, finding.End));
        Assert.Empty(rules.Evaluate("这不是禁语。", "zh", null, null));
    }

    private void WriteRule(string matcher) => File.WriteAllText(Path.Combine(_folder, "test.json"), $$"""
        { "schema": 1, "rules": [ { "id": "T-1", "source": "test", "severity": "warn", "languages": ["zh"],
          "message": { "zh": "测试", "en": "test" }, "match": [ {{matcher}} ] } ] }
        """);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
