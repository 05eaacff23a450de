using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.Clients;
using Copilot.Compliance;
using Copilot.Drafting;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Copilot.Plugins.Compliance;
using Copilot.Plugins.Drafting;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Clients;

/// <summary>
/// A stored lowest-class client (imported by the CRM) gets nothing above R1 on any path: a draft naming only its id, a
/// reviewer's edit, the advisor's revision, the copilot's tools and /v1/compliance/check naming its id.
/// </summary>
public sealed class StoredPortraitComplianceTests(KeyedDatabaseApis apis) : IClassFixture<KeyedDatabaseApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly object[] R2 = [new { code = "ES4001", riskLevel = "R2" }];

    private const string Pitch = "您好，ES4001先进制造股票基金近期发行，基金有风险，可能亏损本金，请结合自身情况考虑。";

    private async Task<HttpClient> CrmWithLowestClassClientAsync(string provider, string id)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var result = await crm.ImportedAsync(ClientImports.JsonLines(
            new { clientId = id, advisorId = "demo-advisor", name = "孙婆婆", riskClass = "C1", lowestClass = true, horizonMonths = 12, language = "zh-CN" },
            new { clientId = id + "-n", advisorId = "demo-advisor", name = "孙先生", riskClass = "C4", horizonMonths = 60, language = "zh-CN" }), "application/x-ndjson");
        Assert.Equal(0, result.Int("rejected"));
        return crm;
    }

    private static object ProductLaunchFor(string clientId, object? client = null) => new
    {
        advisorId = "demo-advisor",
        client = client ?? new { id = clientId },
        scenario = new { kind = "investment", code = "product_launch" },
        channel = "wechat",
        products = new[] { new { code = "ES4001", riskLevel = "R2" } },
    };

    private static object BirthdayFor(object client) => new
    {
        advisorId = "demo-advisor", client, scenario = new { kind = "lifecycle", code = "birthday" }, channel = "wechat",
    };

    [Theory, MemberData(nameof(Providers))]
    public async Task A_draft_naming_only_the_client_id_is_written_from_the_stored_portrait_and_blocked_above_R1(string provider)
    {
        var crm = await CrmWithLowestClassClientAsync(provider, "lc-draft");
        var greeting = await crm.CreateDraftAsync(BirthdayFor(new { id = "lc-draft" }));
        Assert.StartsWith("孙婆婆", greeting.Str("text"));
        var renamed = await crm.CreateDraftAsync(BirthdayFor(new { id = "lc-draft", name = "孙阿姨" }));
        Assert.StartsWith("孙阿姨", renamed.Str("text"));

        Assert.Contains("CN-SUIT-02", (await crm.CreateDraftAsync(ProductLaunchFor("lc-draft"))).RuleIds());
        // Fields the request sends override the portrait for that draft, but cannot lift the lowest category.
        var overridden = await crm.CreateDraftAsync(ProductLaunchFor("lc-draft", new { id = "lc-draft", riskClass = "C3", lowestClass = false }));
        Assert.Contains("CN-SUIT-02", overridden.RuleIds());
        Assert.DoesNotContain("CN-SUIT-01", overridden.RuleIds());

        // The same request for an ordinary C4 client passes suitability.
        var ordinary = await crm.CreateDraftAsync(ProductLaunchFor("lc-draft-n"));
        Assert.DoesNotContain("CN-SUIT-02", ordinary.RuleIds());
        Assert.DoesNotContain("CN-SUIT-01", ordinary.RuleIds());

        // The stored portrait is the CRM's: a draft's overrides do not change it.
        var stored = await crm.GetObjectAsync("/v1/clients/lc-draft?advisorId=demo-advisor");
        Assert.Equal("孙婆婆", stored["portrait"]!.Str("name"));
        Assert.Equal(4, stored["drafts"]!.AsArray().Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_reviewers_edit_and_the_advisors_revision_are_checked_against_the_lowest_class(string provider)
    {
        var crm = await CrmWithLowestClassClientAsync(provider, "lc-edit");
        // Drafted as a C3 (the request overrides the class): only the stored lowest category can block the R2 fund.
        var draft = await crm.CreateDraftAsync(ProductLaunchFor("lc-edit", new { id = "lc-edit", riskClass = "C3" }));
        var officer = await apis.AsAsync(provider, KeyedApi.Officer);

        var edit = await officer.PostAsJsonAsync($"/v1/drafts/{draft.Str("id")}/review", new { decision = "approve", comment = "ok", editedText = Pitch.Replace("ES4001先进制造股票基金", "ES4001") });
        await ApiJson.AssertProblemAsync(edit, 422, "override");
        Assert.Contains("CN-SUIT-02", await edit.Content.ReadAsStringAsync());

        var sentBack = await officer.PostAsJsonAsync($"/v1/drafts/{draft.Str("id")}/review", new { decision = "request_changes", comment = "请改写" });
        Assert.Equal(HttpStatusCode.OK, sentBack.StatusCode);
        var revised = await (await crm.PostAsJsonAsync($"/v1/drafts/{draft.Str("id")}/revise", new { advisorId = "demo-advisor", text = Pitch.Replace("ES4001先进制造股票基金", "ES4001") })).ReadObjectAsync();
        Assert.Equal("fail", revised.Str("verdict"));
        Assert.Contains("CN-SUIT-02", revised.RuleIds());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_compliance_check_naming_a_stored_client_id_judges_with_its_lowest_class(string provider)
    {
        var crm = await CrmWithLowestClassClientAsync(provider, "lc-check");
        var byId = await crm.PostJsonAsync("/v1/compliance/check", new { text = Pitch, advisorId = "demo-advisor", client = new { id = "lc-check" }, products = R2 });
        Assert.Contains(byId["findings"]!.AsArray(), f => f!.Str("ruleId") == "CN-SUIT-02");
        var byClass = await crm.PostJsonAsync("/v1/compliance/check", new { text = Pitch, client = new { riskClass = "C4" }, products = R2 });
        Assert.DoesNotContain(byClass["findings"]!.AsArray(), f => f!.Str("ruleId") == "CN-SUIT-02");

        // An advisor's key judges by its own stored clients; another advisor's id is not found there.
        var wang = await apis.AsAsync(provider, KeyedApi.Wang);
        var own = await wang.PostJsonAsync("/v1/compliance/check", new { text = Pitch, client = new { id = "lc-check" }, products = R2 });
        Assert.Contains(own["findings"]!.AsArray(), f => f!.Str("ruleId") == "CN-SUIT-02");
        var qian = await apis.AsAsync(provider, KeyedApi.Qian);
        await ApiJson.AssertProblemAsync(await qian.PostAsJsonAsync("/v1/compliance/check", new { text = Pitch, client = new { id = "lc-check" }, products = R2 }), 422, "client.id");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_copilots_tools_read_the_stored_lowest_class(string provider)
    {
        await CrmWithLowestClassClientAsync(provider, "lc-tools");
        // The copilot names no products: the catalog (the product documents) tells the tool that ES4001 is above R1.
        var content = await apis.AsAsync(provider, KeyedApi.Content);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(TestPaths.KnowledgeFolder, "product-es4001-advanced-manufacturing-equity-fund.md"))), "file", "product-es4001.md");
        var upload = await content.PostAsync("/v1/knowledge/documents", form);
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        var services = (await apis.FactoryAsync(provider)).Services;
        var compliance = new CompliancePlugin(services.GetRequiredService<ComplianceChecker>(), services.GetRequiredService<ProductCatalog>(),
            services.GetRequiredService<ClientDirectory>(), "demo-advisor");
        Assert.Contains((await compliance.CheckAsync(Pitch, "lc-tools")).Findings, f => f.RuleId == "CN-SUIT-02");

        var drafting = new DraftingPlugin(services.GetRequiredService<DraftCreation>(), services.GetRequiredService<ClientDirectory>(), "demo-advisor", "wang.xiaoming");
        var outcome = await drafting.DraftAsync("lc-tools", "birthday");
        Assert.Null(outcome.Error);
        await using var db = await services.GetRequiredService<IDbContextFactory<CopilotDbContext>>().CreateDbContextAsync();
        var stored = await db.Drafts.SingleAsync(d => d.Id == outcome.DraftId);
        Assert.True(stored.ClientLowestClass);
        Assert.Equal("C1", stored.ClientRiskClass);
    }
}
