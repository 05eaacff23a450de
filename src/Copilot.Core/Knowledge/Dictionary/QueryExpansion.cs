namespace Copilot.Knowledge.Dictionary;

/// <summary>
/// What the domain dictionary adds to a question: texts to search as well, each with a weight below the question's own
/// words, and product codes to match exactly.
/// </summary>
public sealed record QueryExpansion(IReadOnlyList<WeightedText> Texts, IReadOnlyList<string> ProductCodes)
{
    public static readonly QueryExpansion None = new([], []);

    public bool IsEmpty => Texts.Count == 0 && ProductCodes.Count == 0;
}

/// <summary>A text the question is also searched for, and how much a match of it counts against the question's own words.</summary>
public sealed record WeightedText(string Text, float Weight);
