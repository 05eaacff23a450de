namespace Copilot.Knowledge.Index.Lucene;

/// <summary>Field names of a chunk in the Lucene index.</summary>
internal static class LuceneFields
{
    public const string ChunkId = "chunk_id";
    public const string DocumentId = "document_id";
    public const string Ordinal = "ordinal";
    public const string Tokens = "tokens";
    public const string Section = "section";
    public const string Text = "text";
    public const string TextBigrams = "text_cjk";
    public const string Title = "title";
    public const string TitleBigrams = "title_cjk";
    public const string Type = "type";
    public const string Audience = "audience";
    public const string ProductCode = "product_code";
    public const string ValidUntil = "valid_until";
    public const string Metadata = "metadata";
    public const string Vector = "vector";

    /// <summary>Documents without an end of validity are valid forever.</summary>
    public const int NoExpiry = 99991231;

    public static int DayNumber(DateOnly day) => day.Year * 10000 + day.Month * 100 + day.Day;
}
