using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Databrain.Infrastructure.Persistence.Sqlite;

internal sealed class SqliteMigrationTarget(SqliteDatabase database) : IMigrationTarget
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(50);

    public string ScriptFolder => "Sqlite";

    public UpgradeEngineBuilder Deploy() => DeployChanges.To.SqliteDatabase(database.ConnectionString);

    public void Prepare()
    {
        var dataSource = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            // WAL is a property of the file and persists: readers then never wait for the (single) writer. Incremental
            // vacuum, set before the first table of a new file, lets the purges give freed pages back (Finish turns
            // it on in a file made before).
            using var connection = new SqliteConnection(database.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA auto_vacuum = INCREMENTAL; PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new DatabaseUnavailableException(
                $"Cannot open the SQLite database '{dataSource}': {ex.Message} Check the path in ConnectionStrings:Databrain and that it is writable.", ex);
        }
    }

    /// <summary>
    /// A file made before incremental vacuum (auto_vacuum NONE) keeps the pages that purges free, and grows with
    /// the most keys it ever held. Turning it on takes one VACUUM, which rewrites the file and holds the write lock
    /// while it runs: once, here, under the migration lock (the <c>migrate</c> step, docs/operations.md).
    /// </summary>
    public void Finish(ILogger logger)
    {
        const long Incremental = 2;
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA auto_vacuum;";
        if ((long)command.ExecuteScalar()! == Incremental)
        {
            return;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        command.CommandTimeout = 0; // as long as the file needs: this runs once, before the service serves
        command.CommandText = "PRAGMA auto_vacuum = INCREMENTAL; VACUUM;";
        command.ExecuteNonQuery();
        logger.LogInformation("Turned on incremental vacuum in the SQLite file (one VACUUM, {Seconds:0.0} s)", clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// An exclusive lock on a file beside the database (<c>&lt;database&gt;.migrations.lock</c>), which every process on
    /// this machine sees: SQLite's own locks belong to a connection and end with each of DbUp's transactions. The
    /// operating system releases it when the holder exits, however it exits.
    /// </summary>
    public IDisposable Lock()
    {
        var path = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource + ".migrations.lock";
        var wait = MigrationLock.Wait(database.CommandTimeoutSeconds);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < wait)
            {
                // Held by another process: wait for it.
                Thread.Sleep(RetryEvery);
            }
            catch (IOException ex)
            {
                throw new DatabaseUnavailableException(MigrationLock.NotHad(wait), ex);
            }
        }
    }
}
