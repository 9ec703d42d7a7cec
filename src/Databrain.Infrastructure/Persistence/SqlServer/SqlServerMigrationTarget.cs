using DbUp;
using DbUp.Builder;
using DbUp.Engine.Output;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;

namespace Databrain.Infrastructure.Persistence.SqlServer;

internal sealed class SqlServerMigrationTarget(SqlServerDatabase database, ILogger<SqlServerMigrationTarget> logger) : IMigrationTarget
{
    public string ScriptFolder => "SqlServer";

    public UpgradeEngineBuilder Deploy() =>
        DeployChanges.To.SqlDatabase(database.ConnectionString)
            .WithExecutionTimeout(TimeSpan.FromSeconds(database.CommandTimeoutSeconds));

    /// <summary>Nothing: the server manages the space of deleted rows itself.</summary>
    public void Finish(ILogger logger)
    {
    }

    /// <summary>
    /// Connects to the target database first, because a contained database user (as on Azure SQL Database) can
    /// connect to nothing else; only when that database does not exist is the server's <c>master</c> used, to
    /// create it (another instance creating it at the same moment is no failure). Then turns
    /// READ_COMMITTED_SNAPSHOT on (a database option, which a DbUp script, run inside a transaction, cannot set):
    /// reads see the last committed version instead of waiting for a writer's locks, so a read by name (an index
    /// key, then the row) cannot deadlock with a delete (the row, then the key). Fails fast with one clear
    /// message, rather than a driver stack trace, when the server does not answer.
    /// </summary>
    public void Prepare()
    {
        try
        {
            try
            {
                EnableReadCommittedSnapshot(database.ConnectionString);
            }
            catch (SqlException ex) when (ex.Number == CannotOpenDatabase)
            {
                try
                {
                    EnsureDatabase.For.SqlDatabase(database.ConnectionString, new NoOpUpgradeLog(), database.CommandTimeoutSeconds);
                }
                catch (SqlException created) when (created.Number == DatabaseAlreadyExists)
                {
                    // Created by another instance meanwhile.
                }

                EnableReadCommittedSnapshot(database.ConnectionString);
            }
        }
        catch (SqlException ex)
        {
            throw new DatabaseUnavailableException(
                $"Cannot connect to SQL Server '{database.Server}' ({FirstLine(ex.Message)}). "
                + "Check that the server is running and reachable from here, and the server, port and credentials in ConnectionStrings:Databrain.",
                ex);
        }
    }

    /// <summary>
    /// Set only while it is off (a new database), and only when no other connection uses the database (NO_WAIT):
    /// waiting for them could last as long as other instances run, and they would wait for this one's migration
    /// lock. Answers whether the option is on.
    /// </summary>
    internal const string ReadCommittedSnapshot = """
        IF EXISTS (SELECT 1 FROM sys.databases WHERE name = DB_NAME() AND is_read_committed_snapshot_on = 0)
            ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON WITH NO_WAIT;
        SELECT is_read_committed_snapshot_on FROM sys.databases WHERE name = DB_NAME();
        """;

    /// <summary>Held by the session of a connection of its own, which ends it when it closes: a crashed instance cannot leave it behind.</summary>
    internal const string GetMigrationLock = """
        DECLARE @Result INT;
        EXEC @Result = sp_getapplock @Resource = N'Databrain.Migrations', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = @TimeoutMs;
        SELECT @Result;
        """;

    /// <summary>"Cannot open database … requested by the login": the database does not exist (or this login may not use it).</summary>
    private const int CannotOpenDatabase = 4060;

    private const int DatabaseAlreadyExists = 1801;

    /// <summary>ALTER DATABASE … WITH NO_WAIT could not have the database to itself.</summary>
    private const int DatabaseInUse = 5070;

    public IDisposable Lock()
    {
        var wait = MigrationLock.Wait(database.CommandTimeoutSeconds);
        var connection = database.OpenAsync(new SqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString, CancellationToken.None)
            .GetAwaiter().GetResult();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = GetMigrationLock;
            command.CommandTimeout = (int)wait.TotalSeconds + 5;
            command.Parameters.Add(new SqlParameter("@TimeoutMs", (int)wait.TotalMilliseconds));
            if (Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) < 0)
            {
                throw new DatabaseUnavailableException(MigrationLock.NotHad(wait));
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void EnableReadCommittedSnapshot(string connectionString)
    {
        using var connection = database.OpenAsync(connectionString, CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = ReadCommittedSnapshot;
        command.CommandTimeout = database.CommandTimeoutSeconds;
        try
        {
            command.ExecuteScalar();
        }
        catch (SqlException ex) when (ex.Number == DatabaseInUse)
        {
            logger.LogWarning(
                "READ_COMMITTED_SNAPSHOT is off and could not be turned on: other connections use the database. Reads by name may then deadlock with deletes (answered by running them again). Turn it on when no instance runs: ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON, or run the migrate command alone first.");
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim().TrimEnd('.', ';', ' ');
}
