using System.Runtime.InteropServices;
using System.Text.Json;
using Copilot.Common;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using LuceneAnalyzer = Lucene.Net.Analysis.Analyzer;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Copilot.Knowledge.Index.Lucene;

/// <summary>Turns a chunk and its document's metadata into a Lucene document, and back into a search hit.</summary>
internal static class LuceneChunkMapper
{
    /// <summary>A document's title analysed once, for every chunk of it.</summary>
    public sealed record AnalyzedTitle(AnalyzedText Words, AnalyzedText Bigrams)
    {
        public static AnalyzedTitle Of(string title, LuceneAnalyzer words, LuceneAnalyzer bigrams) =>
            new(AnalyzedText.Of(words, LuceneFields.Title, title), AnalyzedText.Of(bigrams, LuceneFields.TitleBigrams, title));
    }

    /// <summary>
    /// The chunk's Lucene document with its text fields analysed here, by the caller's thread (the writer only replays
    /// the tokens): words for text, section and title, character pairs for text and title, as the writer's per-field
    /// analyzer would. Stored values are separate stored fields, indexed after the analysed ones.
    /// </summary>
    public static LuceneDocument ToDocument(
        DocumentMetadata metadata, IndexedChunk indexed, AnalyzedTitle title, LuceneAnalyzer words, LuceneAnalyzer bigrams)
    {
        var chunk = indexed.Chunk;
        var document = new LuceneDocument
        {
            new StringField(LuceneFields.ChunkId, chunk.ChunkId, Field.Store.YES),
            new StringField(LuceneFields.DocumentId, chunk.DocumentId, Field.Store.YES),
            new StoredField(LuceneFields.Ordinal, chunk.Ordinal),
            new StoredField(LuceneFields.Tokens, chunk.Tokens),
            Analysed(LuceneFields.Section, AnalyzedText.Of(words, LuceneFields.Section, chunk.Section)),
            new StoredField(LuceneFields.Section, chunk.Section),
            Analysed(LuceneFields.Text, AnalyzedText.Of(words, LuceneFields.Text, chunk.Text)),
            new StoredField(LuceneFields.Text, chunk.Text),
            Analysed(LuceneFields.TextBigrams, AnalyzedText.Of(bigrams, LuceneFields.TextBigrams, chunk.Text)),
            Analysed(LuceneFields.Title, title.Words),
            Analysed(LuceneFields.TitleBigrams, title.Bigrams),
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

    private static TextField Analysed(string field, AnalyzedText text) => new(field, text.Replay());

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
