using Copilot.Clients;
using Copilot.Clients.Tags;

namespace Copilot.UnitTests.Clients;

/// <summary>The shipped tag rules on generated and hand-made portraits, and the loader's refusals naming file, tag and path.</summary>
public sealed class TagRuleTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 1);
    private static readonly Dictionary<string, double> Parameters = new() { ["serviceThreshold"] = 100_000 };
    private static readonly TagRuleSet Shipped = TagRuleLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "knowledge", "tags"), Parameters);

    private static ClientRecord Record(ClientPortrait p)
    {
        var record = ClientPortraitMapping.NewRecord(p.AdvisorId ?? "a", p.Id ?? "c");
        ClientPortraitMapping.Apply(record, p, "", DateTime.UtcNow);
        return record;
    }

    private static Dictionary<string, Dictionary<string, object?>> Tags(ClientPortrait p) =>
        Shipped.Evaluate(new ClientFactSheet(Record(p), AsOf)).ToDictionary(t => t.Rule.Id, t => t.Values);

    [Fact]
    public void A_generated_client_whose_last_login_was_120_days_ago_is_dormant_with_the_value_120()
    {
        var portrait = SyntheticClients.Generate(["a"], 50, seed: 3, AsOf).First() with { LastLoginOn = AsOf.AddDays(-120), LastTradeOn = AsOf.AddDays(-200) };

        var tags = Tags(portrait);

        Assert.Equal(120d, tags["dormant"]["daysSinceLogin"]);
        Assert.Equal("已120天未登录", Shipped.Find("dormant")!.Reason(tags["dormant"], "zh"));
        Assert.False(Tags(portrait with { LastLoginOn = AsOf.AddDays(-89) }).ContainsKey("dormant"));
        Assert.False(Tags(portrait with { LastLoginOn = null }).ContainsKey("dormant")); // unknown is not dormant
    }

    [Fact]
    public void Across_generated_clients_each_tag_holds_exactly_when_its_condition_does()
    {
        var clients = SyntheticClients.Generate(["a"], 2_000, seed: 5, AsOf).ToList();
        var tagged = clients.Select(c => (Client: c, Tags: Tags(c))).ToList();

        // Recomputed here from the portrait, independently of the rule files.
        Assert.All(tagged, t => Assert.Equal(AsOf.DayNumber - t.Client.LastLoginOn!.Value.DayNumber >= 90, t.Tags.ContainsKey("dormant")));
        Assert.All(tagged, t => Assert.Equal(t.Client.CashRatio >= 0.5 && t.Client.TotalAssets >= 10_000, t.Tags.ContainsKey("high_cash")));
        Assert.All(tagged, t => Assert.Equal(t.Client.BirthdayMonth == 12, t.Tags.ContainsKey("birthday_this_month")));
        var ceiling = (ClientPortrait c) => c.LowestClass == true ? 1 : c.RiskClass![1] - '0';
        Assert.All(tagged, t => Assert.Equal(t.Client.Holdings!.Any(h => h.RiskLevel![1] - '0' > ceiling(t.Client)), t.Tags.ContainsKey("risk_mismatch")));
        // The generator is believable: about a third dormant, a few mismatched.
        Assert.InRange(tagged.Count(t => t.Tags.ContainsKey("dormant")), 500, 900);
        Assert.InRange(tagged.Count(t => t.Tags.ContainsKey("risk_mismatch")), 10, 300);
    }

    [Fact]
    public void Requalified_reads_the_service_threshold_and_large_loss_either_the_30_day_loss_or_the_drawdown()
    {
        var p = new ClientPortrait { Id = "c", AdvisorId = "a", Name = "n", RiskClass = "C3", TotalAssets = 120_000, AssetChange30d = 30_000, Pnl30d = -15_000m, MaxDrawdown = 0.05 };

        var tags = Tags(p);

        Assert.Equal(90_000d, tags["requalified"]["assets30dAgo"]);
        Assert.Equal("总资产¥120,000，30天前¥90,000，重新超过服务门槛¥100,000", Shipped.Find("requalified")!.Reason(tags["requalified"], "zh"));
        Assert.Equal(-0.1111, tags["large_loss"]["pnl30dRatio"]); // 15,000 lost of the 135,000 before it
        Assert.False(Tags(p with { Pnl30d = -13_000m }).ContainsKey("large_loss")); // -9.8%, and a drawdown of 5%
        Assert.True(Tags(p with { Pnl30d = 0m, MaxDrawdown = 0.2 }).ContainsKey("large_loss"));
        var raised = TagRuleLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "knowledge", "tags"), new Dictionary<string, double> { ["serviceThreshold"] = 150_000 });
        Assert.DoesNotContain(raised.Evaluate(new ClientFactSheet(Record(p), AsOf)), t => t.Rule.Id == "requalified");
    }

    [Theory]
    [InlineData("""{ "schema": 1, "tags": [ { "id": "x", "title": { "zh": "x", "en": "x" }, "reason": { "zh": "{cashRatio}", "en": "x" }, "when": { "field": "cash", "op": ">", "value": 1 } } ] }""", "tag 'x': when.field")]
    [InlineData("""{ "schema": 1, "tags": [ { "id": "x", "title": { "zh": "x", "en": "x" }, "reason": { "zh": "{trades30d}", "en": "x" }, "when": { "field": "cashRatio", "op": ">", "value": 1 } } ] }""", "tag 'x': reason.zh")]
    [InlineData("""{ "schema": 1, "tags": [ { "id": "x", "title": { "zh": "x" }, "reason": { "zh": "x", "en": "x" }, "when": { "field": "cashRatio", "op": ">", "value": 1 } } ] }""", "tag 'x': title.en")]
    [InlineData("""{ "schema": 1, "tags": [ { "id": "x", "title": { "zh": "x", "en": "x" }, "reason": { "zh": "x", "en": "x" }, "when": { "all": [ { "field": "cashRatio", "op": "=>", "value": 1 } ] } } ] }""", "tag 'x': when.all[0].op")]
    [InlineData("""{ "schema": 1, "tags": [ { "id": "x", "title": { "zh": "x", "en": "x" }, "reason": { "zh": "x", "en": "x" }, "when": { "field": "totalAssets", "op": ">", "value": "@floor" } } ] }""", "when.value: Unknown parameter '@floor'")]
    [InlineData("""{ "schema": 1, "tags": [ { "id": "x", "title": { "zh": "x", "en": "x" }, "reason": { "zh": "x", "en": "x" }, "when": { "tag": "dormant" } } ] }""", "when.tag")]
    [InlineData("""{ "schema": 1, "tags": [ { "id": "x", "title": { "zh": "x", "en": "x" }, "reason": { "zh": "x", "en": "x" }, "whenever": {} } ] }""", "not a valid tag rule file")]
    [InlineData("""{ "schema": 2, "tags": [] }""", "schema must be 1")]
    [InlineData("""{ "schema": 1, "tags": [ { "id": "Bad Id", "title": { "zh": "x", "en": "x" }, "reason": { "zh": "x", "en": "x" }, "when": { "field": "cashRatio", "op": ">", "value": 1 } } ] }""", ": id:")]
    public void A_bad_rule_file_is_refused_naming_the_file_the_tag_and_the_path(string json, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("tags-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "bad.json"), json);
            var error = Assert.Throws<TagRulesException>(() => TagRuleLoader.Load(folder, Parameters));
            Assert.StartsWith("bad.json: ", error.Message);
            Assert.Contains(expected, error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_tag_id_defined_twice_is_refused_naming_the_second_file()
    {
        var folder = Directory.CreateTempSubdirectory("tags-").FullName;
        try
        {
            const string Rule = """{ "schema": 1, "tags": [ { "id": "x", "title": { "zh": "x", "en": "x" }, "reason": { "zh": "x", "en": "x" }, "when": { "field": "cashRatio", "op": ">", "value": 1 } } ] }""";
            File.WriteAllText(Path.Combine(folder, "a.json"), Rule);
            File.WriteAllText(Path.Combine(folder, "b.json"), Rule);
            Assert.Equal("b.json: tag id 'x' is defined twice.", Assert.Throws<TagRulesException>(() => TagRuleLoader.Load(folder, Parameters)).Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
