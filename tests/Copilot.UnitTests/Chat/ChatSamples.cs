using Copilot.Knowledge;

namespace Copilot.UnitTests.Chat;

/// <summary>Search hits for chat tests.</summary>
internal static class ChatSamples
{
    public static SearchHit Hit(
        string documentId, string text, string section = "", string? title = null, string? publisher = null, DateOnly? published = null) =>
        new(new KnowledgeChunk(KnowledgeChunk.IdFor(documentId, 0), documentId, 0, section, text, text.Length),
            new DocumentMetadata
            {
                Id = documentId,
                Title = title ?? $"Title of {documentId}",
                Type = DocumentType.Research,
                Publisher = publisher,
                Published = published,
            },
            Score: 1.0);

    public static IReadOnlyList<SearchHit> Hits(int count) =>
        Enumerable.Range(1, count).Select(i => Hit($"doc-{i}", $"第{i}段原文。")).ToList();
}
