using System.Text.Json;

namespace Copilot.IntegrationTests.Retrieval;

/// <summary>A question of a blind test set (Data/blind): written by someone who had not read the documents, labelled by someone else.</summary>
public sealed record BlindQuestion(
    string Id, string Question, string Language, string DocumentId, string? Article, string Style, double SharedBigramShare,
    IReadOnlyList<BlindAnswer>? AlsoAnsweredBy)
{
    /// <param name="path">Relative to Data/, e.g. blind-2/retrieval-blind-2.json.</param>
    public static IReadOnlyList<BlindQuestion> Load(string path) =>
        JsonSerializer.Deserialize<List<BlindQuestion>>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", path)), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    public bool IsLaw => DocumentId.StartsWith("law-", StringComparison.Ordinal);

    /// <summary>True when a hit is an answer: the labelled document (for a law, its article) or one of the alternatives.</summary>
    public bool IsAnsweredBy(string documentId, string section) =>
        Matches(DocumentId, Article, documentId, section) || (AlsoAnsweredBy ?? []).Any(a => Matches(a.DocumentId, a.Article, documentId, section));

    private static bool Matches(string wantDocument, string? wantArticle, string documentId, string section) =>
        documentId == wantDocument && (wantArticle is null || section.Split(" > ").Last() == wantArticle);
}

public sealed record BlindAnswer(string DocumentId, string? Article);
