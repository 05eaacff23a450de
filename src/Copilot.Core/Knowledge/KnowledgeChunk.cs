namespace Copilot.Knowledge;

/// <summary>A retrievable piece of a document, with the path of headings and articles it sits under.</summary>
public sealed record KnowledgeChunk(string ChunkId, string DocumentId, int Ordinal, string Section, string Text, int Tokens)
{
    public static string IdFor(string documentId, int ordinal) => $"{documentId}#{ordinal:D4}";
}
