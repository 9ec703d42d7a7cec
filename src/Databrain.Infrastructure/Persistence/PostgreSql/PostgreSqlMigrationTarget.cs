using DbUp;
using DbUp.Builder;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Databrain.Infrastructure.Persistence.PostgreSql;

internal sealed class PostgreSqlMigrationTarget(PostgreSqlDatabase database) : IMigrationTarget
{
    public string ScriptFolder => "PostgreSql";

    public UpgradeEngineBuilder Deploy() =>
        DeployChanges.To.PostgresqlDatabase(database.ConnectionString)
            .WithExecutionTimeout(TimeSpan.FromSeconds(database.CommandTimeoutSeconds));

    /// <summary>Nothing: the server manages the space of deleted rows itself.</summary>
    public void Finish(ILogger logger)
    {
    }

    /// <summary>
    /// Connects to the target database first (a user may have rights on that database alone); only when it does
    /// not exist is it created, through the server's maintenance database. Fails with one clear message rather
    /// than a driver stack trace when the server does not answer.
    /// </summary>
    public void Prepare()
    {
        try
        {
            try
            {
                using var connection = new NpgsqlConnection(database.ConnectionString);
                connection.Open();
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                CreateDatabase();
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new DatabaseUnavailableException(
                $"Cannot connect to PostgreSQL '{database.Server}' ({FirstLine(ex.Message)}). "
                + "Check that the server is running and reachable from here, and the host, port, database and credentials in ConnectionStrings:Databrain.",
                ex);
        }
    }

    /// <summary>
    /// Held on a connection of its own, which ends it when it closes: a crashed instance cannot leave it behind.
    /// The key is fixed (the service's own), so that every instance on the database waits for the same lock.
    /// </summary>
    public IDisposable Lock()
    {
        const long MigrationLockKey = 0x44_61_74_61_62_72_61_69; // "Databrai"
        var wait = MigrationLock.Wait(database.CommandTimeoutSeconds);
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SET lock_timeout = {(long)wait.TotalMilliseconds}; SELECT pg_advisory_lock({MigrationLockKey});";
            command.CommandTimeout = (int)wait.TotalSeconds + 5;
            command.ExecuteNonQuery();
            return connection;
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled)
        {
            connection.Dispose();
            throw new DatabaseUnavailableException(MigrationLock.NotHad(wait), ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Through the server's maintenance database; another instance creating it at the same moment is no failure.</summary>
    private void CreateDatabase()
    {
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var maintenance = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        try
        {
            command.ExecuteNonQuery();
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Created by another instance meanwhile.
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim().TrimEnd('.', ';', ' ');
}
