using Databrain.Api.Development;
using Databrain.Infrastructure.Persistence;

namespace Databrain.Api.Hosting;

/// <summary>What the service does to its database before it serves.</summary>
public static class StartupDatabase
{
    /// <summary>Applies migrations (when <c>Database:MigrateOnStartup</c>) and, in Development, the demo data.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
        {
            app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
        }

        if (app.Environment.IsDevelopment())
        {
            await DemoData.SeedIfEmptyAsync(app);
        }
    }
}
