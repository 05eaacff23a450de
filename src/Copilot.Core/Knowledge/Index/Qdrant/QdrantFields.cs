using Qdrant.Client.Grpc;

namespace Copilot.Knowledge.Index.Qdrant;

/// <summary>Names of a chunk point's vectors and payload fields, shared by writes, filters and reads.</summary>
internal static class QdrantFields
{
    public const string DenseVector = "dense";
    public const string LexicalVector = "lexical";

    public const string DocumentId = "document_id";
    public const string ChunkId = "chunk_id";
    public const string Ordinal = "ordinal";
    public const string Section = "section";
    public const string Text = "text";
    public const string Tokens = "tokens";
    public const string Type = "type";
    public const string Audience = "audience";
    public const string ProductCodes = "product_codes";
    public const string Language = "language";
    public const string ValidUntil = "valid_until";
    public const string Metadata = "metadata";

    /// <summary>Which ingestion wrote the point; lets a replace remove exactly the old version's points.</summary>
    public const string Version = "version";

    /// <summary>Documents without an end of validity are valid forever.</summary>
    public const int NoExpiry = 99991231;

    /// <summary>The payload fields searches filter on; without an index Qdrant scans every point's payload.</summary>
    public static readonly IReadOnlyList<(string Field, PayloadSchemaType Schema)> Indexed =
    [
        (DocumentId, PayloadSchemaType.Keyword),
        (Type, PayloadSchemaType.Keyword),
        (Audience, PayloadSchemaType.Keyword),
        (ProductCodes, PayloadSchemaType.Keyword),
        (Language, PayloadSchemaType.Keyword),
        (ValidUntil, PayloadSchemaType.Integer),
    ];

    /// <summary>A day as yyyyMMdd, so an integer range compares days.</summary>
    public static int DayNumber(DateOnly day) => day.Year * 10000 + day.Month * 100 + day.Day;
}
