using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;

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

            // WAL is a property of the file and persists: readers then never wait for the (single) writer.
            using var connection = new SqliteConnection(database.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new DatabaseUnavailableException(
                $"Cannot open the SQLite database '{dataSource}': {ex.Message} Check the path in ConnectionStrings:Databrain and that it is writable.", ex);
        }
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
