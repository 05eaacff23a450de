using System.Net;
using System.Net.Http.Json;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Knowledge;

/// <summary>Ingestion of the three public laws, search, replace and delete over HTTP, on a real Lucene index and SQLite file.</summary>
public sealed class KnowledgeApiTests(LawsTemplateApi api) : IClassFixture<LawsTemplateApi>
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task Laws_are_listed_with_their_chunk_counts()
    {
        var list = await _client.GetObjectAsync("/v1/knowledge/documents");
        var documents = list["documents"]!.AsArray().Select(d => d!.AsObject()).ToDictionary(d => d.Str("id"));
        Assert.All(TestPaths.Laws.Keys, id => Assert.Contains(id, documents.Keys));
        // 证券法 has 226 articles; one chunk per article at least.
        Assert.True(documents["law-securities-2019"]["chunks"]!.GetValue<int>() >= 226);
        Assert.Equal("中华人民共和国证券法", documents["law-securities-2019"].Str("title"));
    }

    [Fact]
    public async Task Search_finds_the_article_that_forbids_promising_returns()
    {
        var search = await _client.GetObjectAsync("/v1/knowledge/search?q=" + Uri.EscapeDataString("证券公司能不能向客户承诺收益") + "&top=5");
        var results = search.Results();
        Assert.InRange(results.Count, 1, 5);
        Assert.Contains(results, r => r.Str("documentId") == "law-securities-2019" && r.Str("section").EndsWith("第一百三十五条"));
        var hit = results.First(r => r.Str("section").EndsWith("第一百三十五条"));
        Assert.Equal("第八章 证券公司 > 第一百三十五条", hit.Str("section"));
        Assert.StartsWith("第一百三十五条", hit.Str("text"));
        Assert.Contains("compliance", hit["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task Search_filters_by_type_and_audience()
    {
        await _client.PostJsonAsync("/v1/knowledge/documents", new
        {
            id = "faq-promise", title = "客户常见问题：收益承诺", type = "faq", audience = "client",
            text = "# 客户常见问题\n\n## 能否承诺收益\n投资顾问不会向您承诺收益，证券投资有风险。",
        }, HttpStatusCode.Created);

        var faqOnly = (await _client.GetObjectAsync("/v1/knowledge/search?q=" + Uri.EscapeDataString("承诺收益") + "&type=faq")).Results();
        Assert.NotEmpty(faqOnly);
        Assert.All(faqOnly, r => Assert.Equal("faq-promise", r.Str("documentId")));

        var internalOnly = (await _client.GetObjectAsync("/v1/knowledge/search?q=" + Uri.EscapeDataString("承诺收益") + "&audience=internal&top=10")).Results();
        Assert.NotEmpty(internalOnly);
        Assert.DoesNotContain(internalOnly, r => r.Str("documentId") == "faq-promise");
    }

    [Fact]
    public async Task Reuploading_an_id_replaces_every_chunk_and_delete_removes_them()
    {
        var first = await _client.PostJsonAsync("/v1/knowledge/documents", new
        {
            id = "note-replace", title = "替换测试", type = "research", publisher = "示例证券研究所", published = "2026-11-01",
            text = "## 观点\n青花瓷板块估值修复。\n\n## 风险\n流动性风险。",
        }, HttpStatusCode.Created);
        Assert.Equal(1, first["version"]!.GetValue<int>());

        var second = await _client.PostJsonAsync("/v1/knowledge/documents", new
        {
            id = "note-replace", title = "替换测试", type = "research", text = "## 新观点\n紫砂壶板块景气上行。",
        }, HttpStatusCode.Created);
        Assert.Equal(2, second["version"]!.GetValue<int>());
        Assert.Equal(1, second["chunks"]!.GetValue<int>());

        Assert.Empty((await _client.GetObjectAsync("/v1/knowledge/search?q=" + Uri.EscapeDataString("青花瓷"))).Results());
        Assert.Single((await _client.GetObjectAsync("/v1/knowledge/search?q=" + Uri.EscapeDataString("紫砂壶"))).Results());

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync("/v1/knowledge/documents/note-replace")).StatusCode);
        Assert.Empty((await _client.GetObjectAsync("/v1/knowledge/search?q=" + Uri.EscapeDataString("紫砂壶"))).Results());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/v1/knowledge/documents/note-replace")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync("/v1/knowledge/documents/note-replace")).StatusCode);
    }

    [Fact]
    public async Task A_corrupt_reupload_is_rejected_and_the_old_version_stays_searchable()
    {
        await _client.PostJsonAsync("/v1/knowledge/documents", new
        {
            id = "sheet-keep", title = "产品说明", type = "product", riskLevel = "R2", text = "## 产品概况\n翡翠短债基金，风险等级R2。",
        }, HttpStatusCode.Created);

        var corrupt = await CopilotApiFactory.UploadAsync(_client, "sheet.pdf", "%PDF-1.7 this is not really a pdf"u8.ToArray(),
            new Dictionary<string, string> { ["id"] = "sheet-keep", ["type"] = "product", ["title"] = "产品说明" });
        await ApiJson.AssertProblemAsync(corrupt, 422, "file");

        var results = (await _client.GetObjectAsync("/v1/knowledge/search?q=" + Uri.EscapeDataString("翡翠短债"))).Results();
        Assert.Equal("sheet-keep", Assert.Single(results).Str("documentId"));
        Assert.Equal(1, (await _client.GetObjectAsync("/v1/knowledge/documents/sheet-keep"))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Html_uploads_keep_their_headings_as_sections()
    {
        var html = "<html><head><title>开户指南</title></head><body><nav>首页</nav><h1>开户指南</h1><h2>所需材料</h2><p>本人有效身份证件和玛瑙银行卡。</p></body></html>"u8.ToArray();
        var response = await CopilotApiFactory.UploadAsync(_client, "guide.html", html, new Dictionary<string, string> { ["id"] = "guide", ["type"] = "faq" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var hit = Assert.Single((await _client.GetObjectAsync("/v1/knowledge/search?q=" + Uri.EscapeDataString("玛瑙"))).Results());
        Assert.Equal("所需材料", hit.Str("section"));
        Assert.Equal("开户指南", hit.Str("title"));
    }
}
