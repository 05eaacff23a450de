using System.ComponentModel.DataAnnotations;

namespace Copilot.Knowledge;

public enum KnowledgeIndexKind { Lucene, Qdrant }

/// <summary>Configuration section "Knowledge": where the index lives, how documents are chunked and seeded.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    public KnowledgeIndexKind Index { get; set; } = KnowledgeIndexKind.Lucene;

    /// <summary>Folder of the sample corpus ingested at first start when the index is empty; relative to the app folder.</summary>
    public string SeedFolder { get; set; } = "knowledge";

    public bool SeedOnStart { get; set; } = true;

    [Range(1024, 1L << 32)]
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    [Range(64, 4096)]
    public int ChunkTokens { get; set; } = 512;

    [Range(0, 512)]
    public int ChunkOverlapTokens { get; set; } = 48;

    [Range(1, 50)]
    public int DefaultTop { get; set; } = 5;

    /// <summary>How many candidates each retriever contributes before fusion.</summary>
    [Range(1, 500)]
    public int CandidatePool { get; set; } = 40;

    public const int DefaultMaxQueryTerms = 64;

    /// <summary>
    /// The most distinct words (and, apart, character pairs) a search keeps; a longer question keeps its rarest.
    /// At most 200, so 5 fields × 200 clauses stay under Lucene's limit of 1,024.
    /// </summary>
    [Range(8, 200)]
    public int MaxQueryTerms { get; set; } = DefaultMaxQueryTerms;

    /// <summary>
    /// Folder of the domain dictionary (knowledge/dictionary/*.json): the trade's words, abbreviations, English↔Chinese
    /// terms and product names, expanded at query time. Relative to the app folder; empty turns expansion off.
    /// </summary>
    public string DictionaryFolder { get; set; } = "knowledge/dictionary";

    public string? ResolveDictionaryFolder() => string.IsNullOrWhiteSpace(DictionaryFolder) ? null
        : Path.IsPathRooted(DictionaryFolder) ? DictionaryFolder : Path.Combine(AppContext.BaseDirectory, DictionaryFolder);

    public string ResolveSeedFolder() => Path.IsPathRooted(SeedFolder) ? SeedFolder : Path.Combine(AppContext.BaseDirectory, SeedFolder);
}
