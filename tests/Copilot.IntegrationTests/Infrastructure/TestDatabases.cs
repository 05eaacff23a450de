namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>
/// The records databases tests run on: SQLite always; PostgreSQL when COPILOT_TEST_POSTGRES holds a server's
/// connection string (.ci/postgres.sh starts a private cluster and sets it). With REQUIRE_POSTGRES=1 (CI) a
/// missing server fails the PostgreSQL cases instead of leaving them out.
/// </summary>
public static class TestDatabases
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    private static string? Server => Environment.GetEnvironmentVariable("COPILOT_TEST_POSTGRES");

    public static TheoryData<string> Providers
    {
        get
        {
            var providers = new TheoryData<string> { Sqlite };
            if (!string.IsNullOrEmpty(Server) || Environment.GetEnvironmentVariable("REQUIRE_POSTGRES") == "1") providers.Add(PostgreSql);
            return providers;
        }
    }

    /// <summary>Settings for a fresh database of the provider (a new PostgreSQL database per call).</summary>
    public static Dictionary<string, string?> Settings(string provider) => provider switch
    {
        Sqlite => new() { ["Storage:Provider"] = Sqlite },
        PostgreSql => new()
        {
            ["Storage:Provider"] = PostgreSql,
            ["Storage:ConnectionString"] = (Server ?? throw new InvalidOperationException(
                "REQUIRE_POSTGRES=1 but COPILOT_TEST_POSTGRES is not set; source .ci/postgres.sh and run start_postgres."))
                + $";Database=copilot_test_{Guid.NewGuid():N}",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}
