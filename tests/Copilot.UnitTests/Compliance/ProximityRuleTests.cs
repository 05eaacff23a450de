using Copilot.Compliance.Rules;

namespace Copilot.UnitTests.Compliance;

/// <summary>
/// Kind "near" over the concept lexicon: concepts combined within N characters (zh) or words (en) in one clause, negation
/// of any part, the span over all parts, and a lexicon the loader validates (both languages, known names).
/// </summary>
public sealed class ProximityRuleTests : IDisposable
{
    private const string Concepts = """
        { "schema": 1, "concepts": {
            "guarantee": { "zh": { "terms": ["保证"] }, "en": { "terms": ["guarantee", "guaranteed"] } },
            "return": { "zh": { "terms": ["收益"] }, "en": { "patterns": ["\\breturns?\\b"] } } } }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "copilot-near-" + Guid.NewGuid().ToString("N"));

    public ProximityRuleTests()
    {
        Directory.CreateDirectory(_folder);
        File.Copy(Path.Combine(ComplianceTestRules.Folder, "language.json"), Path.Combine(_folder, "language.json"));
        File.WriteAllText(Path.Combine(_folder, "concepts.json"), Concepts);
    }

    [Theory]
    [InlineData("这款产品保证您一年的收益有8%。", "zh", "保证您一年的收益")]
    [InlineData("这款产品的收益我保证。", "zh", "收益我保证")]
    [InlineData("We guarantee you a 6% return on this note.", "en", "guarantee you a 6% return")]
    [InlineData("Your return is guaranteed.", "en", null)]
    public void Concepts_within_the_window_in_one_clause_match_with_a_span_over_all_parts(string text, string language, string? phrase)
    {
        var rules = Load("""{ "kind": "near", "all": ["guarantee", "return"], "within": { "zh": 8, "en": 4 } }""");

        var findings = rules.Evaluate(text, language, null, null);

        if (phrase is null)
        {
            // "is guaranteed" is not negated, but "(is|are) not guaranteed" is a disclaimer: this one still counts.
            Assert.Single(findings);
            return;
        }
        var finding = Assert.Single(findings);
        Assert.Equal(phrase, text[finding.Start..finding.End]);
    }

    [Theory]
    [InlineData("保证这件事我做到了，您关注的是收益。", "zh")] // a clause break between them
    [InlineData("这款产品我保证会认真跟踪，每个季度都给您汇报一次收益。", "zh")] // beyond eight characters
    [InlineData("我不能保证收益。", "zh")] // the guarantee is negated
    [InlineData("收益是不可能保证的。", "zh")] // a post-negation after a part
    [InlineData("有人说这个产品保证收益，那是假的，您别信。", "zh")] // debunked in its sentence
    [InlineData("We cannot guarantee any return.", "en")]
    [InlineData("Returns are not guaranteed.", "en")]
    [InlineData("Is the return guaranteed? No, and nobody can promise one.", "en")] // asked and answered no
    [InlineData("We guarantee that our reviews are timely, and we report the fund's return monthly.", "en")]
    public void Parts_apart_negated_or_debunked_do_not_match(string text, string language)
    {
        var rules = Load("""{ "kind": "near", "all": ["guarantee", "return"], "within": { "zh": 8, "en": 4 } }""");

        Assert.Empty(rules.Evaluate(text, language, null, null));
    }

    [Fact]
    public void A_sentence_scope_reaches_over_commas_but_not_over_a_full_stop_and_a_title_does_not_end_a_sentence()
    {
        var rules = Load("""{ "kind": "near", "all": ["guarantee", "return"], "within": { "zh": 12, "en": 8 }, "scope": "sentence" }""");

        Assert.Single(rules.Evaluate("我保证，明年收益翻倍。", "zh", null, null));
        Assert.Empty(rules.Evaluate("我保证。明年收益翻倍。", "zh", null, null));
        Assert.Single(rules.Evaluate("Mr. Li has my guarantee, Mrs. Wu the return she wants.", "en", null, null));
    }

    [Fact]
    public void A_concept_matches_in_both_languages_whatever_the_message_language()
    {
        var rules = Load("""{ "kind": "near", "all": ["guarantee", "return"], "within": { "zh": 8, "en": 4 } }""");

        // Latin words stand against Chinese characters without a space: "guaranteed的" is still the word.
        Assert.Single(rules.Evaluate("这个fund的收益是guaranteed的。", "zh", null, null));
        Assert.Single(rules.Evaluate("This one 保证 a 6% return.", "en", null, null));
    }

    [Fact]
    public void Concepts_serve_as_text_triggers_and_in_unless_groups()
    {
        var rules = Load("""{ "kind": "text", "concepts": ["guarantee"], "unless": [ { "name": "return named", "concepts": ["return"] } ] }""");

        Assert.Single(rules.Evaluate("我保证。", "zh", null, null));
        Assert.Empty(rules.Evaluate("我保证，收益另说。", "zh", null, null));
    }

    [Theory]
    [InlineData("""{ "kind": "near", "all": ["guarantee", "astrology"], "within": { "zh": 8, "en": 4 } }""", "astrology")]
    [InlineData("""{ "kind": "near", "all": ["guarantee", "return"] }""", "within")]
    [InlineData("""{ "kind": "near", "all": ["guarantee", "return"], "within": { "zh": 8 } }""", "within")]
    [InlineData("""{ "kind": "near", "all": [] }""", "all")]
    [InlineData("""{ "kind": "near", "all": ["guarantee"], "terms": ["x"] }""", "concept")]
    [InlineData("""{ "kind": "near", "all": ["guarantee"], "scope": "paragraph" }""", "scope")]
    [InlineData("""{ "kind": "text", "terms": ["x"], "all": ["guarantee"] }""", "near")]
    [InlineData("""{ "kind": "lockup-beyond-horizon", "concepts": ["guarantee"] }""", "concepts")]
    public void A_bad_near_check_fails_at_load_naming_the_file_the_rule_and_the_problem(string matcher, string mentioned)
    {
        var error = Assert.Throws<ComplianceRulesException>(() => Load(matcher));

        Assert.Contains("test.json", error.Message);
        Assert.Contains("T-1", error.Message);
        Assert.Contains(mentioned, error.Message);
    }

    [Fact]
    public void A_concept_without_both_languages_or_defined_twice_stops_the_load_naming_it()
    {
        File.WriteAllText(Path.Combine(_folder, "concepts.json"), """{ "schema": 1, "concepts": { "certainty": { "zh": { "terms": ["一定"] } } } }""");
        var error = Assert.Throws<ComplianceRulesException>(() => Load("""{ "kind": "text", "terms": ["x"] }"""));
        Assert.Contains("certainty", error.Message);
        Assert.Contains("concepts.json", error.Message);

        File.WriteAllText(Path.Combine(_folder, "concepts.json"), Concepts);
        File.WriteAllText(Path.Combine(_folder, "more.json"), """{ "schema": 1, "concepts": { "return": { "zh": { "terms": ["回报"] }, "en": { "terms": ["yield"] } } } }""");
        Assert.Contains("more than one place", Assert.Throws<ComplianceRulesException>(() => Load("""{ "kind": "text", "terms": ["x"] }""")).Message);
    }

    [Fact]
    public void The_shipped_lexicon_has_every_concept_in_both_languages_and_the_conduct_rules_use_it()
    {
        var concepts = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(ComplianceTestRules.Folder, "concepts.json")))
            .RootElement.GetProperty("concepts").EnumerateObject().ToList();

        Assert.True(concepts.Count >= 30, $"{concepts.Count} concepts");
        Assert.All(concepts, c => Assert.True(c.Value.TryGetProperty("zh", out _) && c.Value.TryGetProperty("en", out _), c.Name));
        foreach (var name in new[] { "certainty", "guarantee", "return", "loss", "cover", "personal-account", "credentials", "insider", "churn", "extrapolation", "superlative", "risk-warning", "other-client" })
            Assert.Contains(concepts, c => c.Name == name);
        var ruleFiles = string.Join("\n", Directory.EnumerateFiles(ComplianceTestRules.Folder, "*.json").Select(File.ReadAllText));
        Assert.Contains("\"kind\": \"near\"", ruleFiles);
    }

    private ComplianceRuleSet Load(string matcher)
    {
        File.WriteAllText(Path.Combine(_folder, "test.json"), $$"""
            { "schema": 1, "rules": [ { "id": "T-1", "source": "test", "severity": "warn", "languages": ["zh", "en"],
              "message": { "zh": "测试", "en": "test" }, "match": [ {{matcher}} ] } ] }
            """);
        return ComplianceRuleSet.Load(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
