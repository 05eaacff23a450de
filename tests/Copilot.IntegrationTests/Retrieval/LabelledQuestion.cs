using System.Text.Json;

namespace Copilot.IntegrationTests.Retrieval;

/// <summary>An employee's question and where its answer is: a document, and for laws the article.</summary>
public sealed record LabelledQuestion(string Question, string DocumentId, string? Article, string Language, bool CrossLingual)
{
    public static IReadOnlyList<LabelledQuestion> Load(string fileName) =>
        JsonSerializer.Deserialize<List<LabelledQuestion>>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", fileName)), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    /// <summary>True when a hit is the answer: the right document and, for a law, the chunk of the right article.</summary>
    public bool IsAnsweredBy(string documentId, string section) =>
        documentId == DocumentId && (Article is null || section.Split(" > ").Last() == Article);
}
