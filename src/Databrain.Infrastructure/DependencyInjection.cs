using Databrain.Application.Common.Ports;
using Databrain.Infrastructure.Persistence;
using Databrain.Infrastructure.Persistence.PostgreSql;
using Databrain.Infrastructure.Persistence.Sqlite;
using Databrain.Infrastructure.Persistence.SqlServer;
using Databrain.Infrastructure.Security;
using Databrain.Infrastructure.Workspaces;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Databrain.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// The database chosen by <c>Database:Provider</c>, the migrator, and every port implementation of this
    /// assembly (by convention: a class that implements an Application port is registered as that port).
    /// </summary>
    /// <param name="contentRootPath">Where a relative SQLite file path is anchored, whatever the working directory.</param>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section));
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set.");
        }

        try
        {
            AddDatabase(services, options, connectionString, contentRootPath);
        }
        catch (ArgumentException ex)
        {
            // The drivers' messages name the keyword or the position, never a value (which may be a password).
            throw new DatabaseUnavailableException($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} cannot be read as a {options.Provider} connection string: {ex.Message}", ex);
        }

        services.AddSingleton(options);
        services.AddSingleton(provider => new DatabaseMigrator(
            provider.GetRequiredService<IMigrationTarget>(),
            provider.GetRequiredService<ILogger<DatabaseMigrator>>()));
        services.AddSingleton(provider => new DatabaseHealthCheck(
            provider.GetRequiredService<IDatabase>(), provider.GetRequiredService<DatabaseMigrator>()));
        services.AddMemoryCache();
        services.AddScoped<WriteScope>();

        services.Scan(scan => scan
            .FromAssemblyOf<WorkspaceRepository>()
            .AddClasses(classes => classes
                    .Where(type => type != typeof(CachedServiceTokenLookup) && !type.IsNested) // nested: an implementation's own parts
                    .AssignableToAny(PortsOf(typeof(IServiceTokenLookup).Assembly)),
                publicOnly: false)
            .AsImplementedInterfaces()
            .WithScopedLifetime());
        services.Decorate<IServiceTokenLookup, CachedServiceTokenLookup>();
        return services;
    }

    /// <summary>Every interface the Application layer declares as a port: those of its <c>*.Ports</c> namespaces.</summary>
    private static Type[] PortsOf(System.Reflection.Assembly application) =>
        application.GetTypes().Where(t => t.IsInterface && t.IsPublic && t.Namespace is { } ns
            && ns.EndsWith(".Ports", StringComparison.Ordinal)).ToArray();

    private static string AnchorSqlitePath(string connectionString, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && !Path.IsPathRooted(path)
            && !path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRootPath, path));
        }

        return builder.ToString();
    }

    private static void AddDatabase(IServiceCollection services, DatabaseOptions options, string connectionString, string contentRootPath)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new SqliteDatabase(AnchorSqlitePath(connectionString, contentRootPath), options.CommandTimeoutSeconds);
                services.AddSingleton<IDatabase>(_ => sqlite); // a factory, so that the container disposes it
                services.AddSingleton<IMigrationTarget>(new SqliteMigrationTarget(sqlite));
                break;
            case DatabaseProvider.SqlServer:
                var sqlServer = new SqlServerDatabase(connectionString, options.CommandTimeoutSeconds);
                services.AddSingleton<IDatabase>(sqlServer);
                services.AddSingleton<IMigrationTarget>(provider => new SqlServerMigrationTarget(sqlServer, provider.GetRequiredService<ILogger<SqlServerMigrationTarget>>()));
                break;
            case DatabaseProvider.PostgreSql:
                var postgreSql = new PostgreSqlDatabase(connectionString, options.CommandTimeoutSeconds);
                services.AddSingleton<IDatabase>(_ => postgreSql); // a factory, so that the container disposes its connection pool
                services.AddSingleton<IMigrationTarget>(new PostgreSqlMigrationTarget(postgreSql));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider must be Sqlite, SqlServer or PostgreSql, not '{options.Provider}'.");
        }
    }
}
