using Copilot.Knowledge;
using Copilot.Knowledge.Dictionary;
using Copilot.Knowledge.Index;
using Copilot.Knowledge.Index.Lucene;
using static Copilot.UnitTests.Knowledge.Index.IndexSamples;

namespace Copilot.UnitTests.Knowledge.Index;

/// <summary>The domain dictionary's expansions and exact product codes in the Lucene query, and long questions pruned by idf.</summary>
public sealed class LuceneQueryExpansionTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly LuceneKnowledgeIndex _index;

    public LuceneQueryExpansionTests() => _index = new LuceneKnowledgeIndex(_folder.Path, candidatePool: 40, maxQueryTerms: 64);

    private Task<IReadOnlyList<SearchHit>> FindAsync(string query, QueryExpansion expansion, int top = 10) =>
        _index.SearchAsync(new SearchRequest(query, top, KnowledgeFilter.None, null, expansion), CancellationToken.None);

    private static QueryExpansion Adds(string text, float weight = 0.7f) => new([new WeightedText(text, weight)], []);

    [Fact]
    public async Task An_expansion_finds_the_statute_the_slang_does_not_name()
    {
        await _index.IndexAsync(Document("law"), Chunk("law", 0, "禁止从业人员利用因职务便利获取的未公开的信息从事相关证券交易。"));
        await _index.IndexAsync(Document("faq"), Chunk("faq", 0, "开户需要身份证和银行卡。"));

        Assert.Empty(await FindAsync("老鼠仓", QueryExpansion.None));
        var hits = await FindAsync("老鼠仓", Adds("利用 未公开的信息"));

        Assert.Equal("law", hits[0].Document.Id);
    }

    [Fact]
    public async Task The_questions_own_words_outrank_the_same_amount_of_expansion()
    {
        // An expansion of as many terms as the question: a chunk with the question's own word ranks first.
        await _index.IndexAsync(Document("own"), Chunk("own", 0, "打新 账户 规则"));
        await _index.IndexAsync(Document("expanded"), Chunk("expanded", 0, "申购 账户 规则"));

        var hits = await FindAsync("打新", Adds("申购", 0.5f));

        Assert.Equal(["own", "expanded"], hits.Select(h => h.Document.Id));
    }

    [Fact]
    public async Task A_product_code_matches_its_documents_exactly_even_where_the_text_never_writes_it()
    {
        await _index.IndexAsync(Document("etf", DocumentType.Product, productCodes: ["ES4002"]), Chunk("etf", 0, "本基金跟踪中证半导体产业指数，管理费率0.5%。"));
        await _index.IndexAsync(Document("fund", DocumentType.Product, productCodes: ["ES4001"]), Chunk("fund", 0, "本基金投资先进制造，管理费率1.2%。"));

        var hits = await FindAsync("ES4002 管理费率", new QueryExpansion([], ["ES4002"]));

        Assert.Equal("etf", hits[0].Document.Id);
        Assert.True(hits[0].Score > hits[1].Score * 1.5, $"{hits[0].Score} vs {hits[1].Score}");
    }

    [Fact]
    public async Task A_long_question_keeps_its_rare_terms_and_expansions_within_the_clause_limit()
    {
        // Seventy words every chunk holds, then one only the answer holds, then an expansion of 200 more words.
        var common = Enumerable.Range(0, 70).Select(i => $"common{i:D2}x").ToList();
        await _index.IndexAsync(Document("answer"), Chunk("answer", 0, string.Join(' ', common) + " 久期风险"));
        for (var i = 0; i < 3; i++)
            await _index.IndexAsync(Document($"other{i}"), Chunk($"other{i}", 0, string.Join(' ', common) + " 流动性"));
        var question = string.Join(' ', common) + " 久期";
        var expansion = Adds(string.Join(' ', Enumerable.Range(0, 200).Select(i => $"extra{i:D3}y")));

        var hits = await FindAsync(question, expansion);

        Assert.Equal("answer", hits[0].Document.Id);
    }

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }
}
