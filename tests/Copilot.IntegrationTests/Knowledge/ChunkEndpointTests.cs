using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Knowledge;

/// <summary>GET /v1/knowledge/chunks/{chunkId}: what a citation opens, with keys on as deployed.</summary>
public sealed class ChunkEndpointTests(KeyedApi api) : IClassFixture<KeyedApi>
{
    [Fact]
    public async Task A_citation_opens_its_whole_passage_with_its_document_and_section()
    {
        var content = api.As(KeyedApi.Content);
        await content.PostJsonAsync("/v1/knowledge/documents", new
        {
            id = "note-chunk", title = "青花瓷行业点评", type = "research", publisher = "示例证券研究所", published = "2026-11-20",
            text = "# 青花瓷行业点评\n\n## 估值\n青花瓷板块估值处于历史低位，龙头公司市盈率约十二倍。\n\n## 风险\n需求不及预期，原材料价格波动。",
        }, HttpStatusCode.Created);

        var answer = await api.As(KeyedApi.Wang).PostJsonAsync("/v1/chat", new { message = "青花瓷板块估值怎么样？" });
        var citation = answer["citations"]!.AsArray().Select(c => c!.AsObject()).First(c => c.Str("documentId") == "note-chunk");
        var chunkId = citation.Str("chunkId");

        var chunk = await api.As(KeyedApi.Wang).GetObjectAsync($"/v1/knowledge/chunks/{Uri.EscapeDataString(chunkId)}");
        Assert.Equal(chunkId, chunk.Str("chunkId"));
        Assert.Equal(citation.Str("section"), chunk.Str("section"));
        Assert.Contains("龙头公司市盈率约十二倍", chunk.Str("text"));
        var document = chunk["document"]!.AsObject();
        Assert.Equal("note-chunk", document.Str("id"));
        Assert.Equal("青花瓷行业点评", document.Str("title"));
        Assert.Equal("research", document.Str("type"));
        Assert.Equal("示例证券研究所", document.Str("publisher"));
        Assert.Equal("2026-11-20", document.Str("published"));

        // Once the document is deleted its passages are gone: the citation opens nothing.
        (await content.DeleteAsync("/v1/knowledge/documents/note-chunk")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await api.As(KeyedApi.Wang).GetAsync($"/v1/knowledge/chunks/{Uri.EscapeDataString(chunkId)}")).StatusCode);
    }

    [Fact]
    public async Task An_internal_chunk_does_not_exist_for_the_client_audience_and_unknown_ids_are_404()
    {
        var content = api.As(KeyedApi.Content);
        await content.PostJsonAsync("/v1/knowledge/documents", new
        {
            id = "memo-internal", title = "内部备忘：佣金调整", type = "compliance", audience = "internal",
            text = "## 佣金\n下月起调整部分客户佣金，仅限内部讨论。",
        }, HttpStatusCode.Created);
        await content.PostJsonAsync("/v1/knowledge/documents", new
        {
            id = "faq-client", title = "客户常见问题：开户", type = "faq", audience = "client",
            text = "## 开户\n开户需要本人身份证和银行卡。",
        }, HttpStatusCode.Created);
        var officer = api.As(KeyedApi.Officer);

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/v1/knowledge/chunks/memo-internal%230000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/v1/knowledge/chunks/memo-internal%230000?audience=client")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/v1/knowledge/chunks/faq-client%230000?audience=client")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/v1/knowledge/chunks/no-such-document%230000")).StatusCode);
        await ApiJson.AssertProblemAsync(await officer.GetAsync("/v1/knowledge/chunks/faq-client%230000?audience=everyone"), 400, "audience");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Factory.CreateClient().GetAsync("/v1/knowledge/chunks/faq-client%230000")).StatusCode);
    }
}
