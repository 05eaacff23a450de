using Qdrant.Client.Grpc;

namespace Copilot.Knowledge.Index.Qdrant;

/// <summary>Qdrant filters for searches and for the points of one document or one of its versions.</summary>
internal static class QdrantFilters
{
    /// <summary>Every condition is a must; null when the filter restricts nothing.</summary>
    public static Filter? For(KnowledgeFilter filter)
    {
        var result = new Filter();
        if (filter.Type is { } type) result.Must.Add(Conditions.MatchKeyword(QdrantFields.Type, type.ToString()));
        if (filter.Audience is { } audience) result.Must.Add(Conditions.MatchKeyword(QdrantFields.Audience, audience.ToString()));
        // Codes are stored upper-cased, so a filter matches whatever case the user typed.
        if (filter.ProductCode is { } code) result.Must.Add(Conditions.MatchKeyword(QdrantFields.ProductCodes, code.ToUpperInvariant()));
        if (filter.DocumentId is { } id) result.Must.Add(Conditions.MatchKeyword(QdrantFields.DocumentId, id));
        if (filter.ValidOn is { } day)
            result.Must.Add(Conditions.Range(QdrantFields.ValidUntil, new global::Qdrant.Client.Grpc.Range { Gte = QdrantFields.DayNumber(day) }));
        return result.Must.Count == 0 ? null : result;
    }

    public static Filter Document(string documentId) => Conditions.MatchKeyword(QdrantFields.DocumentId, documentId);

    /// <summary>A chunk id is its document's id and an ordinal, so the indexed document id narrows the scan first.</summary>
    public static Filter Chunk(string chunkId)
    {
        var filter = Conditions.MatchKeyword(QdrantFields.ChunkId, chunkId);
        var hash = chunkId.LastIndexOf('#');
        return hash > 0 ? Conditions.MatchKeyword(QdrantFields.DocumentId, chunkId[..hash]) & filter : filter;
    }

    public static Filter DocumentVersion(string documentId, string version) =>
        Conditions.MatchKeyword(QdrantFields.DocumentId, documentId) & Conditions.MatchKeyword(QdrantFields.Version, version);

    public static Filter DocumentExceptVersion(string documentId, string version) =>
        Conditions.MatchKeyword(QdrantFields.DocumentId, documentId) & !Conditions.MatchKeyword(QdrantFields.Version, version);
}
