using DbUp;
using DbUp.Builder;
using DbUp.Engine.Output;
using Microsoft.Data.SqlClient;

namespace Databrain.Infrastructure.Persistence.SqlServer;

internal sealed class SqlServerMigrationTarget(SqlServerDatabase database) : IMigrationTarget
{
    public string ScriptFolder => "SqlServer";

    public UpgradeEngineBuilder Deploy() =>
        DeployChanges.To.SqlDatabase(database.ConnectionString)
            .WithExecutionTimeout(TimeSpan.FromSeconds(database.CommandTimeoutSeconds));

    /// <summary>
    /// Connects to the target database first, because a contained database user (as on Azure SQL Database) can
    /// connect to nothing else; only when that database does not exist is the server's <c>master</c> used, to
    /// create it. Then turns READ_COMMITTED_SNAPSHOT on (a database option, which a DbUp script, run inside a
    /// transaction, cannot set): reads see the last committed version instead of waiting for a writer's locks,
    /// so a read by name (an index key, then the row) cannot deadlock with a delete (the row, then the key).
    /// Fails fast with one clear message, rather than a driver stack trace, when the server does not answer.
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
                EnsureDatabase.For.SqlDatabase(database.ConnectionString, new NoOpUpgradeLog(), database.CommandTimeoutSeconds);
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
    /// Set only while it is off (a new database): switching it waits until no other connection uses the database,
    /// which instances that run already would otherwise have to give up.
    /// </summary>
    internal const string ReadCommittedSnapshot = """
        IF EXISTS (SELECT 1 FROM sys.databases WHERE name = DB_NAME() AND is_read_committed_snapshot_on = 0)
            ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON;
        """;

    /// <summary>"Cannot open database … requested by the login": the database does not exist (or this login may not use it).</summary>
    private const int CannotOpenDatabase = 4060;

    private void EnableReadCommittedSnapshot(string connectionString)
    {
        using var connection = database.OpenAsync(connectionString, CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = ReadCommittedSnapshot;
        command.CommandTimeout = database.CommandTimeoutSeconds;
        command.ExecuteNonQuery();
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim().TrimEnd('.', ';', ' ');
}
