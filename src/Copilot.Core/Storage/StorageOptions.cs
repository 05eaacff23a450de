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

    /// <summary>Unset: PostgreSQL when the connection string is one (it names a Host), otherwise SQLite.</summary>
    public DatabaseProvider? Provider { get; set; }

    /// <summary>Empty means copilot.db in the data folder (SQLite); required for PostgreSQL (password from the environment).</summary>
    public string? ConnectionString { get; set; }

    public DatabaseProvider ResolveProvider() =>
        Provider ?? (ConnectionString is { } connection && connection.Split(';').Any(part =>
            part.Split('=', 2)[0].Trim() is var name && (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Server", StringComparison.OrdinalIgnoreCase)))
            ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite);

    public string ResolveDataPath() => Path.GetFullPath(DataPath);

    public string ResolveConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString) ? $"Data Source={Path.Combine(ResolveDataPath(), "copilot.db")}" : ConnectionString;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new("Storage:ConnectionString is required when Storage:Provider is PostgreSql.", [nameof(ConnectionString)]);
    }
}
