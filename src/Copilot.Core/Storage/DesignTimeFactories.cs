using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Copilot.Storage;

/// <summary>Lets `dotnet ef migrations add --context SqliteCopilotDbContext` build the context without the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCopilotDbContext>
{
    public SqliteCopilotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCopilotDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets `dotnet ef migrations add --context PostgresCopilotDbContext` build the context; it never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCopilotDbContext>
{
    public PostgresCopilotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCopilotDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
