using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Copilot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The records database (SQLite in the data folder by default), migrated before anything else starts.</summary>
    public static IHostApplicationBuilder AddCopilotStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        Directory.CreateDirectory(options.ResolveDataPath());
        if (options.ResolveProvider() == DatabaseProvider.PostgreSql)
        {
            builder.Services.AddDbContextFactory<PostgresCopilotDbContext>(db => db.UseNpgsql(options.ConnectionString));
            builder.Services.AddSingleton<IDbContextFactory<CopilotDbContext>, ProviderDbContextFactory<PostgresCopilotDbContext>>();
        }
        else
        {
            builder.Services.AddDbContextFactory<SqliteCopilotDbContext>(db => db.UseSqlite(options.ResolveConnectionString()));
            builder.Services.AddSingleton<IDbContextFactory<CopilotDbContext>, ProviderDbContextFactory<SqliteCopilotDbContext>>();
        }
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TableStatistics>();
        return builder;
    }
}
