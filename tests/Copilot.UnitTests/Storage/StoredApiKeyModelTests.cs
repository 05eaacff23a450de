using Copilot.ApiKeys;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.UnitTests.Storage;

/// <summary>Every authenticated request looks its stored key up by hash, so the hash must be a unique index, not a scan.</summary>
public sealed class StoredApiKeyModelTests
{
    public static TheoryData<string> Providers => new() { "Sqlite", "PostgreSql" };

    [Theory, MemberData(nameof(Providers))]
    public void The_hash_and_the_name_are_unique_indexes_on_both_providers(string provider)
    {
        using CopilotDbContext db = provider == "Sqlite"
            ? new SqliteCopilotDbContext(new DbContextOptionsBuilder<SqliteCopilotDbContext>().UseSqlite("Data Source=:memory:").Options)
            : new PostgresCopilotDbContext(new DbContextOptionsBuilder<PostgresCopilotDbContext>().UseNpgsql("Host=localhost;Database=model").Options);
        var entity = db.Model.FindEntityType(typeof(StoredApiKey))!;

        var unique = entity.GetIndexes().Where(i => i.IsUnique).Select(i => string.Join(",", i.Properties.Select(p => p.Name))).ToList();

        Assert.Contains(nameof(StoredApiKey.KeySha256), unique);
        Assert.Contains(nameof(StoredApiKey.Name), unique);
        // The migrations carry the same indexes: the model has no pending changes on either provider.
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
