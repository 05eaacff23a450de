using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Copilot.Common;
using Qdrant.Client.Grpc;

namespace Copilot.Knowledge.Index.Qdrant;

/// <summary>Turns a chunk and its document's metadata into a Qdrant point, and a scored point back into a search hit.</summary>
internal static class QdrantPointMapper
{
    public static PointStruct ToPoint(
        DocumentMetadata document, IndexedChunk indexed, string version, SparseTermEncoder encoder, bool withDense)
    {
        var chunk = indexed.Chunk;
        var vectors = new Dictionary<string, Vector>
        {
            [QdrantFields.LexicalVector] = encoder.ForDocument($"{document.Title}\n{chunk.Section}\n{chunk.Text}"),
        };
        if (withDense && indexed.Vector is { IsEmpty: false } dense)
            vectors[QdrantFields.DenseVector] = dense.ToArray();

        return new PointStruct
        {
            Id = PointId(chunk.ChunkId, version),
            Vectors = vectors,
            Payload =
            {
                [QdrantFields.DocumentId] = chunk.DocumentId,
                [QdrantFields.ChunkId] = chunk.ChunkId,
                [QdrantFields.Ordinal] = chunk.Ordinal,
                [QdrantFields.Section] = chunk.Section,
                [QdrantFields.Text] = chunk.Text,
                [QdrantFields.Tokens] = chunk.Tokens,
                [QdrantFields.Type] = document.Type.ToString(),
                [QdrantFields.Audience] = document.Audience.ToString(),
                [QdrantFields.ProductCodes] = document.ProductCodes.Select(code => code.ToUpperInvariant()).ToArray(),
                [QdrantFields.Language] = document.Language,
                [QdrantFields.ValidUntil] = document.ValidUntil is { } until ? QdrantFields.DayNumber(until) : QdrantFields.NoExpiry,
                [QdrantFields.Metadata] = JsonSerializer.Serialize(document, CopilotJson.Options),
                [QdrantFields.Version] = version,
            },
        };
    }

    /// <summary>
    /// The first 16 bytes of SHA-256 over chunk id and version: stable, so a retried write overwrites rather than
    /// duplicates, yet distinct per version, so writing a new version never overwrites the old one's points —
    /// which is what keeps the old version whole when a replace fails halfway.
    /// </summary>
    public static Guid PointId(string chunkId, string version) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{chunkId}\n{version}")).AsSpan(0, 16));

    public static SearchHit ToHit(ScoredPoint point) => ToHit(point.Payload, point.Score);

    public static SearchHit ToHit(IDictionary<string, Value> payload, double score)
    {
        var chunk = new KnowledgeChunk(
            payload[QdrantFields.ChunkId].StringValue,
            payload[QdrantFields.DocumentId].StringValue,
            (int)payload[QdrantFields.Ordinal].IntegerValue,
            payload[QdrantFields.Section].StringValue,
            payload[QdrantFields.Text].StringValue,
            (int)payload[QdrantFields.Tokens].IntegerValue);
        var metadata = JsonSerializer.Deserialize<DocumentMetadata>(payload[QdrantFields.Metadata].StringValue, CopilotJson.Options)!;
        return new SearchHit(chunk, metadata, score);
    }
}
