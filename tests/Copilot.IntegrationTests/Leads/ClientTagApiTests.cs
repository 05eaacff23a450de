using Copilot.Clients.Tags;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Copilot.IntegrationTests.Leads;

/// <summary>Tags computed on import from knowledge/tags, shown with their values, filtered on, and recomputed for a later day.</summary>
public sealed class ClientTagApiTests(LeadApis apis) : IClassFixture<LeadApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task An_imported_client_120_days_without_a_login_is_dormant_with_the_value_120_and_its_reason_in_both_languages(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        await crm.ImportRowsAsync(
            LeadRows.Quiet("tg-dormant").With(("lastLoginOn", LeadRows.Day(-120)), ("lastTradeOn", LeadRows.Day(-150))),
            LeadRows.Quiet("tg-active"));

        var dormant = await crm.GetObjectAsync("/v1/clients/tg-dormant?advisorId=a-qian");
        var tag = Assert.Single(dormant["tags"]!.AsArray(), t => t!.Str("id") == "dormant")!;
        Assert.Equal(120, tag["values"]!["daysSinceLogin"]!.GetValue<double>());
        Assert.Equal("已120天未登录", tag.Str("reason"));
        Assert.Equal(LeadRows.Day(0), tag.Str("since"));
        Assert.Equal("activity.json", tag.Str("rule"));
        var english = await crm.GetObjectAsync("/v1/clients/tg-dormant?advisorId=a-qian&language=en");
        Assert.Contains(english["tags"]!.AsArray(), t => t!.Str("reason") == "No login for 120 days");
        // The quiet client holds no tag at all.
        Assert.Empty((await crm.GetObjectAsync("/v1/clients/tg-active?advisorId=a-qian"))["tags"]!.AsArray());

        var listed = (await crm.GetObjectAsync("/v1/clients?advisorId=a-qian&tag=dormant&pageSize=200"))["items"]!.AsArray().Select(c => c!.Str("id")).ToList();
        Assert.Contains("tg-dormant", listed);
        Assert.DoesNotContain("tg-active", listed);
        await ApiJson.AssertProblemAsync(await crm.GetAsync("/v1/clients?advisorId=a-qian&tag=sleepy"), 400, "tag");
        await ApiJson.AssertProblemAsync(await crm.GetAsync("/v1/clients/tg-dormant?advisorId=a-qian&language=fr"), 400, "language");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_kind_of_signal_sets_its_tag_with_the_values_that_set_it(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var threshold = (await apis.FactoryAsync(provider)).Services.GetRequiredService<IOptions<Copilot.Clients.ClientOptions>>().Value.ServiceThreshold;
        await crm.ImportRowsAsync(
            LeadRows.Quiet("tg-mismatch").With(("riskClass", "C2"), ("holdings", new[] { new { code = "ES4001", name = "示例先进制造股票基金", weight = 0.35, riskLevel = "R4" } })),
            LeadRows.Quiet("tg-lowest").With(("riskClass", "C1"), ("lowestClass", true)),
            LeadRows.Quiet("tg-requalified").With(("totalAssets", threshold + 20_000), ("assetChange30d", 40_000)),
            LeadRows.Quiet("tg-expiring").With(("riskAssessmentExpiry", LeadRows.Day(12))),
            LeadRows.Quiet("tg-margin").With(("marginAccount", true), ("maxDrawdown", 0.17), ("totalAssets", 900_000)),
            LeadRows.Quiet("tg-birthday").With(("birthdayMonth", LeadRows.Today.Month), ("cashRatio", 0.7)));

        async Task<Dictionary<string, System.Text.Json.Nodes.JsonNode>> TagsOf(string id) =>
            (await crm.GetObjectAsync($"/v1/clients/{id}?advisorId=a-qian"))["tags"]!.AsArray().ToDictionary(t => t!.Str("id"), t => t!["values"]!);

        var mismatch = (await TagsOf("tg-mismatch"))["risk_mismatch"];
        Assert.Equal((4, 2, 0.35), (mismatch["maxHoldingRiskLevel"]!.GetValue<double>(), mismatch["riskCeiling"]!.GetValue<double>(), mismatch["mismatchedWeight"]!.GetValue<double>()));
        // The lowest category may hold R1 only: its R2 bond fund is above what it may hold.
        Assert.Equal(1, (await TagsOf("tg-lowest"))["risk_mismatch"]["riskCeiling"]!.GetValue<double>());
        var requalified = (await TagsOf("tg-requalified"))["requalified"];
        Assert.Equal(threshold - 20_000, requalified["assets30dAgo"]!.GetValue<double>());
        Assert.Equal(12, (await TagsOf("tg-expiring"))["assessment_expiring"]["daysToAssessmentExpiry"]!.GetValue<double>());
        var margin = await TagsOf("tg-margin");
        Assert.Equal(0.17, margin["margin_near_call"]["maxDrawdown"]!.GetValue<double>());
        Assert.False(margin.ContainsKey("large_loss")); // 17% is below the 20% drawdown of a large loss
        var birthday = await TagsOf("tg-birthday");
        Assert.True(birthday.ContainsKey("birthday_this_month"));
        Assert.Equal(56_000, birthday["high_cash"]["idleCash"]!.GetValue<double>());
        Assert.False((await TagsOf("tg-expiring")).ContainsKey("high_cash"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Recomputing_for_a_later_day_moves_the_days_on_keeps_since_and_drops_tags_that_no_longer_hold(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        await crm.ImportRowsAsync(
            LeadRows.Quiet("tg-later").With(("lastLoginOn", LeadRows.Day(-100)), ("riskAssessmentExpiry", LeadRows.Day(20))),
            LeadRows.Quiet("tg-newacct").With(("accountOpenedOn", LeadRows.Day(-80))));
        var services = (await apis.FactoryAsync(provider)).Services;

        var result = await services.GetRequiredService<ClientTagging>().RecomputeAllAsync(LeadRows.Today.AddDays(40), CancellationToken.None);

        Assert.True(result.Clients >= 2);
        await using var db = await services.GetRequiredService<IDbContextFactory<CopilotDbContext>>().CreateDbContextAsync();
        var tags = await db.ClientTags.Where(t => t.AdvisorId == "a-qian" && (t.ClientId == "tg-later" || t.ClientId == "tg-newacct")).ToListAsync();
        var dormant = tags.Single(t => t.ClientId == "tg-later" && t.TagId == "dormant");
        Assert.Equal(140d, ClientTagging.ReadValues(dormant.ValuesJson)["daysSinceLogin"]);
        Assert.Equal(LeadRows.Today, dormant.Since);
        // 20 days to expiry, 40 days on: expired 20 days ago, no longer "expiring".
        Assert.Equal(20d, ClientTagging.ReadValues(tags.Single(t => t.ClientId == "tg-later" && t.TagId == "assessment_expired").ValuesJson)["daysPastAssessmentExpiry"]);
        Assert.DoesNotContain(tags, t => t.TagId == "assessment_expiring" && t.ClientId == "tg-later");
        Assert.DoesNotContain(tags, t => t.TagId == "new_account"); // 80 + 40 days: no longer new
        Assert.Contains(await db.AuditRecords.Where(r => r.EntityType == "client_tags" && r.Action == "recomputed").ToListAsync(),
            r => r.EntityId == LeadRows.Today.AddDays(40).ToString("yyyy-MM-dd"));
        // The daily job's entry point puts today's tags back (for the other tests of this class too).
        await services.GetRequiredService<ClientTagging>().RecomputeTodayAsync(CancellationToken.None);
        await using var after = await services.GetRequiredService<IDbContextFactory<CopilotDbContext>>().CreateDbContextAsync();
        var today = await after.ClientTags.SingleAsync(t => t.AdvisorId == "a-qian" && t.ClientId == "tg-later" && t.TagId == "dormant");
        Assert.Equal(100d, ClientTagging.ReadValues(today.ValuesJson)["daysSinceLogin"]);
        Assert.True(await after.ClientTags.AnyAsync(t => t.ClientId == "tg-later" && t.TagId == "assessment_expiring"));
    }

    [Fact]
    public void A_bad_tag_rule_file_stops_the_service_naming_the_key_the_file_and_the_tag()
    {
        var folder = Directory.CreateTempSubdirectory("copilot-tags-").FullName;
        File.WriteAllText(Path.Combine(folder, "good.json"), """{ "schema": 1, "tags": [ { "id": "dormant", "title": { "zh": "沉睡", "en": "Dormant" }, "reason": { "zh": "{daysSinceLogin}天", "en": "{daysSinceLogin} days" }, "when": { "field": "daysSinceLogin", "op": ">=", "value": 90 } } ] }""");
        File.WriteAllText(Path.Combine(folder, "broken.json"), """{ "schema": 1, "tags": [ { "id": "rich", "title": { "zh": "富", "en": "Rich" }, "reason": { "zh": "{wealth}", "en": "{wealth}" }, "when": { "field": "wealth", "op": ">=", "value": 1 } } ] }""");
        using var factory = CopilotApiFactory.TemplateMode(seed: false, extra: new Dictionary<string, string?> { ["Clients:TagRulesFolder"] = folder });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = Flatten(error).OfType<OptionsValidationException>().FirstOrDefault();
        Assert.NotNull(validation);
        Assert.Contains("Clients:TagRulesFolder", validation.Message);
        Assert.Contains("broken.json", validation.Message);
        Assert.Contains("tag 'rich'", validation.Message);
        Assert.Contains("when.field", validation.Message);
        Directory.Delete(folder, recursive: true);
    }

    private static IEnumerable<Exception> Flatten(Exception e) =>
        new[] { e }.Concat(e is AggregateException a ? a.InnerExceptions.SelectMany(Flatten) : e.InnerException is { } inner ? Flatten(inner) : []);
}
