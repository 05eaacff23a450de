using System.Net;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Knowledge;

/// <summary>With an embedding model configured, chunks and queries are embedded (base64, as the OpenAI client asks) and fused with BM25.</summary>
public sealed class EmbeddingRetrievalTests(EmbeddingModelApi api) : IClassFixture<EmbeddingModelApi>
{
    [Fact]
    public async Task Ingestion_embeds_every_chunk_and_search_embeds_the_query()
    {
        var upload = await api.Client.PostJsonAsync("/v1/knowledge/documents", new
        {
            id = "note-embed", title = "黄金配置观点", type = "research",
            text = "## 观点\n黄金在组合中的配置比例建议为5%。\n\n## 风险\n金价波动较大。",
        }, HttpStatusCode.Created);
        var chunks = upload["chunks"]!.GetValue<int>();

        var ingestion = api.OpenAi.EmbeddingRequests.Last();
        Assert.Equal(FakeOpenAiServer.EmbeddingModel, ingestion["model"]!.ToString());
        Assert.Equal("base64", ingestion["encoding_format"]!.ToString());
        Assert.Equal(chunks, ingestion["input"]!.AsArray().Count);
        Assert.Contains("黄金配置观点", ingestion["input"]!.AsArray()[0]!.ToString());

        var before = api.OpenAi.EmbeddingRequests.Count;
        var results = (await api.Client.GetObjectAsync("/v1/knowledge/search?q=" + Uri.EscapeDataString("黄金配置比例"))).Results();
        Assert.Equal(before + 1, api.OpenAi.EmbeddingRequests.Count);
        Assert.Equal("note-embed", results[0].Str("documentId"));
        // Two rankings fused by reciprocal rank: scores are RRF sums, at most 2/(60+1).
        Assert.InRange(results[0]["score"]!.GetValue<double>(), 0.0001, 2.0 / 61 + 0.0001);
    }
}
