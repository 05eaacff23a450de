using System.ComponentModel.DataAnnotations;

namespace Copilot.Storage;

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>Configuration section "Storage": the data folder and the records database.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>Folder for the SQLite file and the Lucene index; relative paths are under the working folder.</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty means copilot.db in the data folder (SQLite); required for PostgreSQL (password from the environment).</summary>
    public string? ConnectionString { get; set; }

    public string ResolveDataPath() => Path.GetFullPath(DataPath);

    public string ResolveConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString) ? $"Data Source={Path.Combine(ResolveDataPath(), "copilot.db")}" : ConnectionString;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new("Storage:ConnectionString is required when Storage:Provider is PostgreSql.", [nameof(ConnectionString)]);
    }
}
