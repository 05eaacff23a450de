using System.ComponentModel.DataAnnotations;

namespace Copilot.Storage;

/// <summary>Configuration section "Storage": the data folder and the records database.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the SQLite file and the Lucene index; relative paths are under the working folder.</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary>SQLite connection string; empty means copilot.db in the data folder.</summary>
    public string? ConnectionString { get; set; }

    public string ResolveDataPath() => Path.GetFullPath(DataPath);

    public string ResolveConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString) ? $"Data Source={Path.Combine(ResolveDataPath(), "copilot.db")}" : ConnectionString;
}
