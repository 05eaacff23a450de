using System.ComponentModel.DataAnnotations;

namespace Copilot.Knowledge.Extraction;

/// <summary>
/// Configuration section "Extraction": how much work one file may cost. A file over a limit is refused whole
/// (413 naming the field); the compressed size alone says nothing about what a .docx or .pdf inflates to.
/// </summary>
public sealed class ExtractionOptions
{
    public const string Section = "Extraction";

    /// <summary>Characters of text a document may have, extracted or sent as JSON.</summary>
    [Range(1000, 50_000_000)]
    public int MaxDocumentChars { get; set; } = 1_000_000;

    /// <summary>What all parts of a .docx may inflate to together.</summary>
    [Range(1024 * 1024, 4L * 1024 * 1024 * 1024)]
    public long MaxDocxUncompressedBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Parts (zip entries) a .docx may have.</summary>
    [Range(10, 100_000)]
    public int MaxDocxParts { get; set; } = 1000;

    /// <summary>Pages of a .pdf.</summary>
    [Range(1, 100_000)]
    public int MaxPdfPages { get; set; } = 1000;

    /// <summary>Time one file's extraction may take.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 60;
}
