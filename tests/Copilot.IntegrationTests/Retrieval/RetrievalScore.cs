namespace Copilot.IntegrationTests.Retrieval;

/// <summary>Recall@k and mean reciprocal rank over a labelled set, with the questions that missed.</summary>
public sealed record RetrievalScore(string Name, int Questions, int Found, double ReciprocalRankSum, IReadOnlyList<string> Misses)
{
    public double Recall => Questions == 0 ? 0 : (double)Found / Questions;

    public double Mrr => Questions == 0 ? 0 : ReciprocalRankSum / Questions;

    public override string ToString() => $"{Name}: recall@5 {Recall:P1} ({Found}/{Questions}), MRR {Mrr:F3}";
}
