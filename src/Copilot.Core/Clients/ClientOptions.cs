using System.ComponentModel.DataAnnotations;

namespace Copilot.Clients;

/// <summary>The "Clients" section: portrait imports and the demo clients seeded on embedded defaults.</summary>
public sealed class ClientOptions
{
    public const string Section = "Clients";

    /// <summary>Rows one import may hold; a bigger file is refused before anything is written.</summary>
    [Range(1, 1_000_000)] public int MaxImportRows { get; set; } = 100_000;

    /// <summary>Bytes one import body may hold (100,000 portraits with holdings are about 60 MB).</summary>
    [Range(1024, 1L << 31)] public long MaxImportBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Rows committed per transaction.</summary>
    [Range(1, 10_000)] public int ImportBatchSize { get; set; } = 1_000;

    /// <summary>Rejected rows listed in an import's answer (all are counted).</summary>
    [Range(0, 100_000)] public int MaxRejectedRowsListed { get; set; } = 1_000;

    /// <summary>Synthetic clients generated for the demo advisor at first start when it has none (0: none).</summary>
    [Range(0, 10_000)] public int DemoClients { get; set; } = 300;

    /// <summary>The advisor the demo clients belong to.</summary>
    [Required, MaxLength(64)] public string DemoAdvisorId { get; set; } = "demo-advisor";
}
