using System.ComponentModel.DataAnnotations;

namespace Copilot.Knowledge.Index.Qdrant;

/// <summary>Configuration section "Qdrant", used when Knowledge:Index is Qdrant.</summary>
public sealed class QdrantOptions
{
    public const string Section = "Qdrant";

    /// <summary>gRPC endpoint, e.g. http://localhost:6334.</summary>
    public string? Url { get; set; }

    /// <summary>Read from the environment (Qdrant__ApiKey); never put it in a file.</summary>
    public string? ApiKey { get; set; }

    [Required]
    public string Collection { get; set; } = "copilot_knowledge";
}
