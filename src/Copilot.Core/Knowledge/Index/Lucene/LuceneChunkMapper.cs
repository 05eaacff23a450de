using System.Runtime.InteropServices;
using System.Text.Json;
using Copilot.Common;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Copilot.Knowledge.Index.Lucene;

/// <summary>Turns a chunk and its document's metadata into a Lucene document, and back into a search hit.</summary>
internal static class LuceneChunkMapper
{
    public static LuceneDocument ToDocument(DocumentMetadata metadata, IndexedChunk indexed)
    {
        var chunk = indexed.Chunk;
        var document = new LuceneDocument
        {
            new StringField(LuceneFields.ChunkId, chunk.ChunkId, Field.Store.YES),
            new StringField(LuceneFields.DocumentId, chunk.DocumentId, Field.Store.YES),
            new StoredField(LuceneFields.Ordinal, chunk.Ordinal),
            new StoredField(LuceneFields.Tokens, chunk.Tokens),
            new TextField(LuceneFields.Section, chunk.Section, Field.Store.YES),
            new TextField(LuceneFields.Text, chunk.Text, Field.Store.YES),
            new TextField(LuceneFields.TextBigrams, chunk.Text, Field.Store.NO),
            new TextField(LuceneFields.Title, metadata.Title, Field.Store.NO),
            new TextField(LuceneFields.TitleBigrams, metadata.Title, Field.Store.NO),
            new StringField(LuceneFields.Type, metadata.Type.ToString(), Field.Store.NO),
            new StringField(LuceneFields.Audience, metadata.Audience.ToString(), Field.Store.NO),
            new Int32Field(LuceneFields.ValidUntil,
                metadata.ValidUntil is { } until ? LuceneFields.DayNumber(until) : LuceneFields.NoExpiry, Field.Store.NO),
            new StoredField(LuceneFields.Metadata, JsonSerializer.Serialize(metadata, CopilotJson.Options)),
        };
        foreach (var code in metadata.ProductCodes)
            document.Add(new StringField(LuceneFields.ProductCode, code.ToUpperInvariant(), Field.Store.NO));
        if (indexed.Vector is { } vector)
            document.Add(new BinaryDocValuesField(LuceneFields.Vector, new BytesRef(MemoryMarshal.AsBytes(vector.Span).ToArray())));
        return document;
    }

    public static SearchHit ToHit(LuceneDocument document, double score)
    {
        var metadata = JsonSerializer.Deserialize<DocumentMetadata>(document.Get(LuceneFields.Metadata), CopilotJson.Options)!;
        var chunk = new KnowledgeChunk(
            document.Get(LuceneFields.ChunkId),
            document.Get(LuceneFields.DocumentId),
            document.GetField(LuceneFields.Ordinal).GetInt32Value() ?? 0,
            document.Get(LuceneFields.Section),
            document.Get(LuceneFields.Text),
            document.GetField(LuceneFields.Tokens).GetInt32Value() ?? 0);
        return new SearchHit(chunk, metadata, score);
    }

    public static ReadOnlySpan<float> ReadVector(BytesRef bytes) =>
        MemoryMarshal.Cast<byte, float>(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
}
