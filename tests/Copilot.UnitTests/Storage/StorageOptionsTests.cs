using Copilot.Storage;

namespace Copilot.UnitTests.Storage;

/// <summary>The records database follows the connection string unless the provider is named.</summary>
public sealed class StorageOptionsTests
{
    [Theory]
    [InlineData(null, null, DatabaseProvider.Sqlite)]
    [InlineData(null, "Data Source=/var/lib/copilot/copilot.db", DatabaseProvider.Sqlite)]
    [InlineData(null, "Host=pg.internal;Database=advisor_copilot;Username=copilot", DatabaseProvider.PostgreSql)]
    [InlineData(null, "server = 10.0.0.5; Port=5432; Database=copilot", DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.Sqlite, "Host=pg.internal;Database=x", DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql, "Host=pg.internal;Database=x", DatabaseProvider.PostgreSql)]
    public void The_provider_is_read_from_the_connection_string_unless_named(DatabaseProvider? named, string? connection, DatabaseProvider expected) =>
        Assert.Equal(expected, new StorageOptions { Provider = named, ConnectionString = connection }.ResolveProvider());
}
