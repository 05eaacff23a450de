namespace Copilot.Knowledge.Dictionary;

/// <summary>
/// What the domain dictionary adds to a question: texts to search as well, each with a weight below the question's own
/// words, and product codes to match exactly.
/// </summary>
public sealed record QueryExpansion(IReadOnlyList<WeightedText> Texts, IReadOnlyList<string> ProductCodes)
{
    public static readonly QueryExpansion None = new([], []);

    /// <summary>Types of document that answer the kind of question asked (e.g. compliance for "is this legal").</summary>
    public IReadOnlySet<DocumentType> PreferredTypes { get; init; } = new HashSet<DocumentType>();

    public bool IsEmpty => Texts.Count == 0 && ProductCodes.Count == 0;
}

/// <summary>A text the question is also searched for, and how much a match of it counts against the question's own words.</summary>
public sealed record WeightedText(string Text, float Weight);
