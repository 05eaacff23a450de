using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Copilot.Storage;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CopilotDbContext>
{
    public CopilotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CopilotDbContext>().UseSqlite("Data Source=design.db").Options);
}
