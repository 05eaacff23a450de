using Copilot.IntegrationTests.Infrastructure;
using Copilot.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Copilot.IntegrationTests.Retrieval;

/// <summary>
/// Retrieval quality on labelled employee questions over knowledge/ and the three laws, in lexical mode
/// (the embedded default: BM25 over Chinese words and character pairs). Target: recall@5 ≥ 0.90.
/// </summary>
public sealed class RetrievalQualityTests(LawsAndCorpusApi api, ITestOutputHelper output) : IClassFixture<LawsAndCorpusApi>
{
    private const int K = 5;

    [Fact]
    public async Task Lexical_recall_at_5_is_at_least_90_percent()
    {
        var search = api.Factory.Services.GetRequiredService<KnowledgeSearch>();
        var knowledge = await ScoreAsync(search, "knowledge/", LabelledQuestion.Load("retrieval-knowledge.json"));
        var laws = await ScoreAsync(search, "laws (article-level)", LabelledQuestion.Load("retrieval-laws.json").Where(q => !q.CrossLingual).ToList());
        var all = new RetrievalScore("all", knowledge.Questions + laws.Questions, knowledge.Found + laws.Found,
            knowledge.ReciprocalRankSum + laws.ReciprocalRankSum, [.. knowledge.Misses, .. laws.Misses]);

        foreach (var score in new[] { knowledge, laws, all }) output.WriteLine(score.ToString());
        foreach (var miss in all.Misses) output.WriteLine("  missed: " + miss);

        Assert.True(all.Questions >= 80, "the labelled set must hold at least 80 questions");
        Assert.True(all.Recall >= 0.90, all.ToString());
    }

    private static async Task<RetrievalScore> ScoreAsync(KnowledgeSearch search, string name, IReadOnlyList<LabelledQuestion> questions)
    {
        int found = 0;
        double reciprocalRanks = 0;
        var misses = new List<string>();
        foreach (var question in questions)
        {
            var hits = await search.SearchAsync(question.Question, K, KnowledgeFilter.None, CancellationToken.None);
            var rank = hits.ToList().FindIndex(hit => question.IsAnsweredBy(hit.Document.Id, hit.Chunk.Section)) + 1;
            if (rank > 0)
            {
                found++;
                reciprocalRanks += 1.0 / rank;
            }
            else
            {
                misses.Add($"{question.Question} → want {question.DocumentId} {question.Article}; got {string.Join(", ", hits.Select(h => h.Document.Id + " " + h.Chunk.Section.Split(" > ").Last()))}");
            }
        }
        return new RetrievalScore(name, questions.Count, found, reciprocalRanks, misses);
    }
}
