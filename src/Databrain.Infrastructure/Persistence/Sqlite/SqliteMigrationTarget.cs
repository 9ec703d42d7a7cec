using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;

namespace Databrain.Infrastructure.Persistence.Sqlite;

internal sealed class SqliteMigrationTarget(SqliteDatabase database) : IMigrationTarget
{
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
}
