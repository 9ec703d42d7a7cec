using Dapper;
using Databrain.Infrastructure.Persistence;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Persistence;

/// <summary>
/// Instances that start together on a database that needs migrating (docs/operations.md): four real service
/// processes, started at the same moment on a database that does not exist yet, all become ready, and each
/// script is journaled exactly once. Each provider's run has a database of its own.
/// </summary>
public abstract class MigrationsOnceTests(TestDatabase database) : OwnDatabaseTests(database)
{
    [Fact]
    public async Task FourInstancesStartedTogether_AllBecomeReady_AndEachScriptIsAppliedOnce()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => ServiceInstance.Start(Database)).ToArray();
        try
        {
            await Task.WhenAll(instances.Select(i => i.WaitUntilAsync()));
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }

        var folder = $".Migrations.{Database.Provider}.";
        var scripts = typeof(DatabaseMigrator).Assembly.GetManifestResourceNames().Where(n => n.Contains(folder, StringComparison.Ordinal)).Order().ToArray();
        await using var connection = Database.CreateConnection();
        var journal = (await connection.QueryAsync<string>("SELECT ScriptName FROM SchemaVersions")).Order().ToArray();
        Assert.Equal(scripts, journal);
    }
}

public sealed class MigrationsOnceOnSqlite() : MigrationsOnceTests(new SqliteTestDatabase());

public sealed class MigrationsOnceOnPostgreSql() : MigrationsOnceTests(new PostgreSqlTestDatabase());
