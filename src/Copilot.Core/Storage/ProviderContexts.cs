using Microsoft.EntityFrameworkCore;

namespace Copilot.Storage;

/// <summary>The records on SQLite (the embedded default); migrations in Storage/Sqlite.</summary>
public sealed class SqliteCopilotDbContext(DbContextOptions<SqliteCopilotDbContext> options) : CopilotDbContext(options);

/// <summary>The records on PostgreSQL; migrations in Storage/PostgreSql.</summary>
public sealed class PostgresCopilotDbContext(DbContextOptions<PostgresCopilotDbContext> options) : CopilotDbContext(options);

/// <summary>Hands out the configured provider's context as the common <see cref="CopilotDbContext"/>.</summary>
internal sealed class ProviderDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<CopilotDbContext>
    where TContext : CopilotDbContext
{
    public CopilotDbContext CreateDbContext() => inner.CreateDbContext();
}
