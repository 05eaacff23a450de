using Copilot.Knowledge;
using Copilot.Knowledge.Index;
using Copilot.Knowledge.Index.Lucene;

namespace Copilot.UnitTests.Knowledge.Index;

/// <summary>Small documents and chunks for index tests, and shortcuts for the calls every test makes.</summary>
internal static class IndexSamples
{
    public static DocumentMetadata Document(
        string id, DocumentType type = DocumentType.Research, Audience audience = Audience.Internal,
        string[]? productCodes = null, DateOnly? validUntil = null) => new()
        {
            Id = id,
            Title = $"Document {id}",
            Type = type,
            Audience = audience,
            ProductCodes = productCodes ?? [],
            ValidUntil = validUntil,
            Publisher = "示例证券",
        };

    public static IndexedChunk Chunk(string documentId, int ordinal, string text, float[]? vector = null) =>
        new(new KnowledgeChunk(KnowledgeChunk.IdFor(documentId, ordinal), documentId, ordinal, "", text, text.Length),
            vector is null ? null : (ReadOnlyMemory<float>?)vector);

    public static Task IndexAsync(this LuceneKnowledgeIndex index, DocumentMetadata document, params IndexedChunk[] chunks) =>
        index.ReplaceDocumentAsync(document, chunks, CancellationToken.None);

    public static async Task<IReadOnlyList<SearchHit>> FindAsync(
        this LuceneKnowledgeIndex index, string query, KnowledgeFilter? filter = null, float[]? vector = null, int top = 10) =>
        await index.SearchAsync(new SearchRequest(query, top, filter ?? KnowledgeFilter.None, vector is null ? null : (ReadOnlyMemory<float>?)vector), CancellationToken.None);
}
