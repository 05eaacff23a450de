namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>
/// The records databases tests run on: SQLite always; PostgreSQL when <see cref="PostgresTestServer"/> has one
/// (COPILOT_TEST_POSTGRES, or a private cluster it starts). With REQUIRE_POSTGRES=1 (CI) a missing server fails
/// the PostgreSQL cases instead of leaving them out.
/// </summary>
public static class TestDatabases
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    private static string? Server => PostgresTestServer.ConnectionString;

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
                "REQUIRE_POSTGRES=1 but no PostgreSQL server: install PostgreSQL or set COPILOT_TEST_POSTGRES."))
                + $";Database=copilot_test_{Guid.NewGuid():N}",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}
