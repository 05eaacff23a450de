using Copilot.Knowledge;
using Copilot.Knowledge.Index;

namespace Copilot.UnitTests.Qdrant;

/// <summary>A small corpus covering every filter: types, audiences, product codes, expired and open-ended validity.</summary>
public static class QdrantTestDocuments
{
    public static readonly DocumentMetadata Macro = new()
    {
        Id = "macro-2025", Title = "Macro outlook 2025", Type = DocumentType.Research, Language = "en",
    };

    public static readonly DocumentMetadata BalancedFund = new()
    {
        Id = "fund-abc", Title = "ABC Balanced Fund", Type = DocumentType.Product, Audience = Audience.Client,
        ProductCodes = ["abc123"], ValidUntil = new DateOnly(2030, 12, 31), RiskLevel = "R3", Language = "en",
    };

    public static readonly DocumentMetadata ClosedFund = new()
    {
        Id = "fund-old", Title = "Old Bond Fund", Type = DocumentType.Product, Audience = Audience.Client,
        ProductCodes = ["OLD9"], ValidUntil = new DateOnly(2020, 1, 1), Language = "en",
    };

    public static readonly DocumentMetadata KycRules = new()
    {
        Id = "kyc-rules", Title = "客户适当性管理规定", Type = DocumentType.Compliance,
    };

    public static IReadOnlyList<IndexedChunk> MacroChunks(bool withVectors = true) => Chunks(Macro, withVectors,
        ("Rates", "Central banks will cut interest rates twice next year.", [1f, 0f, 0f]),
        ("Bonds", "Bond yields fall as inflation cools.", [0.9f, 0.1f, 0f]));

    public static IReadOnlyList<IndexedChunk> BalancedFundChunks(bool withVectors = true) => Chunks(BalancedFund, withVectors,
        ("Strategy", "The balanced fund invests in bonds and equities with risk level R3.", [0f, 1f, 0f]),
        ("Terms", "Lockup period is twelve months; redemption fees apply.", [0f, 0.8f, 0.2f]));

    public static IReadOnlyList<IndexedChunk> ClosedFundChunks(bool withVectors = true) => Chunks(ClosedFund, withVectors,
        ("Status", "The bond fund was closed to new investors.", [0f, 0.7f, 0.3f]));

    public static IReadOnlyList<IndexedChunk> KycChunks(bool withVectors = true) => Chunks(KycRules, withVectors,
        ("第一条", "客户风险评估必须每年更新一次。", [0f, 0f, 1f]),
        ("第二条", "理财产品销售过程需要录音录像。", [0.1f, 0f, 0.9f]));

    public static IReadOnlyList<IndexedChunk> Chunks(
        DocumentMetadata document, bool withVectors, params (string Section, string Text, float[] Vector)[] parts) =>
        parts.Select((part, ordinal) => new IndexedChunk(
                new KnowledgeChunk(KnowledgeChunk.IdFor(document.Id, ordinal), document.Id, ordinal, part.Section, part.Text, part.Text.Length / 4),
                withVectors ? new ReadOnlyMemory<float>(part.Vector) : (ReadOnlyMemory<float>?)null))
            .ToList();
}
