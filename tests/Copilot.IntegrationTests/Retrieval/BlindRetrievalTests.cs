using Copilot.IntegrationTests.Infrastructure;
using Copilot.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Copilot.IntegrationTests.Retrieval;

/// <summary>
/// Retrieval on the blind sets as a newcomer runs it: the sample corpus and the three laws in one index, lexical mode.
/// Data/blind and Data/blind-2 (see their PROVENANCE.md: written and labelled by people who saw neither the documents'
/// wording nor the code) were each measured once blind and have been development data since; a third set is the test part. Every figure is printed beside the naive character-pair BM25
/// over the same chunks, measured in the same run.
/// </summary>
public sealed class BlindRetrievalTests(LawsAndCorpusApi api, ITestOutputHelper output) : IClassFixture<LawsAndCorpusApi>
{
    private const int K = 5;

    [Fact]
    public async Task Third_blind_set_recall_at_5_beside_the_naive_baseline()
    {
        // The test part (Data/blind-3/PROVENANCE.md): written and labelled by helpers who saw neither the code nor the
        // dictionary, measured once after s5/retrieval, not tuned on; ids only in the output.
        var (ours, naive) = await MeasureAsync("blind-3/retrieval-blind-3.json", printQuestions: false);
        // Measured 2026-12-02: 89.1 % vs naive 76.4 % (laws 77.7 vs 63.3 %; docs/benchmarks.md), where set 2 said 97.0 % after
        // tuning on it. The issue's target, 0.90, is not met. A guard a little below, and ours above naive by a clear margin.
        Assert.True(Recall(ours) >= 0.86, $"ours {Recall(ours):P1} vs naive {Recall(naive):P1}");
        Assert.True(Recall(ours) >= Recall(naive) + 0.08, $"ours {Recall(ours):P1} vs naive {Recall(naive):P1}");
    }

    [Fact]
    public async Task Second_blind_set_recall_at_5_beside_the_naive_baseline()
    {
        // Measured blind once (83.2 % vs naive 70.1 %), then used to decide s5/retrieval's changes, so development data
        // since: 97.0 % after them (docs/benchmarks.md). Guarded a little below, and ours above naive by a clear margin.
        var (ours, naive) = await MeasureAsync("blind-2/retrieval-blind-2.json", printQuestions: true);
        Assert.True(Recall(ours) >= 0.94, $"ours {Recall(ours):P1} vs naive {Recall(naive):P1}");
        Assert.True(Recall(ours) >= Recall(naive) + 0.20, $"ours {Recall(ours):P1} vs naive {Recall(naive):P1}");
    }

    [Fact]
    public async Task Blind_set_recall_at_5_beside_the_naive_baseline()
    {
        var (ours, baseline) = await MeasureAsync("blind/retrieval-blind.json", printQuestions: true);

        // Development data (the dictionary, the type prior and the spreading were tuned on it): 97.8 % after s5/retrieval
        // (docs/benchmarks.md), guarded a little below so noise does not fail it. The issue's target, 0.90, is for a
        // fresh blind set.
        Assert.True(Recall(ours) >= 0.95, $"ours {Recall(ours):P1} vs naive {Recall(baseline):P1}");
    }

    private async Task<(List<(BlindQuestion Question, int Rank)> Ours, List<(BlindQuestion Question, int Rank)> Naive)> MeasureAsync(
        string path, bool printQuestions)
    {
        var search = api.Factory.Services.GetRequiredService<KnowledgeSearch>();
        var naive = NaiveBigramBm25.FromLuceneFolder(Path.Combine(api.Factory.DataPath, "index"));
        var questions = BlindQuestion.Load(path);
        Assert.True(questions.Count >= 150 && questions.Count(q => q.IsLaw) >= 60, "the blind set must hold 150+ questions, 60+ on the laws");

        var ours = new List<(BlindQuestion Question, int Rank)>();
        var got = new Dictionary<string, string>();
        var baseline = new List<(BlindQuestion Question, int Rank)>();
        foreach (var question in questions)
        {
            var hits = await search.SearchAsync(question.Question, K, KnowledgeFilter.None, CancellationToken.None);
            ours.Add((question, hits.ToList().FindIndex(h => question.IsAnsweredBy(h.Document.Id, h.Chunk.Section)) + 1));
            got[question.Id] = string.Join(" | ", hits.Take(3).Select(h => $"{h.Document.Id} {h.Chunk.Section.Split(" > ").Last()}"));
            if (ours[^1].Rank == 0)
            {
                // Where a miss ranks among the first 20, to tell a near miss from a question the index cannot answer.
                var deeper = await search.SearchAsync(question.Question, 20, KnowledgeFilter.None, CancellationToken.None);
                got[question.Id] += $" (rank in 20: {deeper.ToList().FindIndex(h => question.IsAnsweredBy(h.Document.Id, h.Chunk.Section)) + 1})";
            }
            var naiveHits = naive.Search(question.Question, K);
            baseline.Add((question, naiveHits.ToList().FindIndex(h => question.IsAnsweredBy(h.DocumentId, h.Section)) + 1));
        }

        output.WriteLine($"{naive.Chunks} chunks in the index");
        output.WriteLine("| subset | questions | shared char pairs (mean) | ours recall@5 | ours MRR | naive recall@5 | naive MRR |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var subsets = new (string Name, Func<BlindQuestion, bool> In)[]
        {
            ("all", _ => true),
            ("laws, article level", q => q.IsLaw),
            ("laws, ≤ 1/3 of pairs shared", q => q.IsLaw && q.SharedBigramShare <= 1.0 / 3),
            ("firm documents", q => !q.IsLaw),
            ("English", q => q.Language == "en"),
        };
        foreach (var (name, inSubset) in subsets)
        {
            var o = ours.Where(r => inSubset(r.Question)).ToList();
            var b = baseline.Where(r => inSubset(r.Question)).ToList();
            output.WriteLine($"| {name} | {o.Count} | {o.Average(r => r.Question.SharedBigramShare):F2} | {Recall(o):P1} | {Mrr(o):F3} | {Recall(b):P1} | {Mrr(b):F3} |");
        }
        foreach (var (question, rank) in ours.Where(r => r.Rank == 0))
            output.WriteLine(printQuestions
                ? $"  missed {question.Id} \"{question.Question}\": want {question.DocumentId} {question.Article}; got {got[question.Id]}"
                : $"  missed {question.Id}");
        return (ours, baseline);
    }

    private static double Recall(IReadOnlyCollection<(BlindQuestion Question, int Rank)> ranks) =>
        ranks.Count == 0 ? 0 : ranks.Count(r => r.Rank > 0) / (double)ranks.Count;

    private static double Mrr(IReadOnlyCollection<(BlindQuestion Question, int Rank)> ranks) =>
        ranks.Count == 0 ? 0 : ranks.Sum(r => r.Rank > 0 ? 1.0 / r.Rank : 0) / ranks.Count;
}
