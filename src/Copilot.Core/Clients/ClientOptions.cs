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

    /// <summary>Folder of tag rule files (*.json); relative paths are under the app folder. A bad file stops the start.</summary>
    [Required] public string TagRulesFolder { get; set; } = "knowledge/tags";

    /// <summary>
    /// The firm's line for a serviced account, in yuan (tag rules' @serviceThreshold): an account back above it within 30 days
    /// is requalified and a recall lead.
    /// </summary>
    [Range(0, 1e12)] public double ServiceThreshold { get; set; } = 100_000;

    /// <summary>Leads are not offered for a client already contacted this many times in the last 7 days.</summary>
    [Range(1, 100)] public int ContactCapPer7Days { get; set; } = 2;

    public string ResolveTagRulesFolder() => Path.IsPathRooted(TagRulesFolder) ? TagRulesFolder : Path.Combine(AppContext.BaseDirectory, TagRulesFolder);

    /// <summary>What tag rules' "@name" values stand for.</summary>
    public IReadOnlyDictionary<string, double> TagParameters() => new Dictionary<string, double> { ["serviceThreshold"] = ServiceThreshold };
}
