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
    /// Checks that the server answers (with the connection retries), failing fast with one clear message
    /// rather than a driver stack trace; then creates the database when it does not exist yet.
    /// </summary>
    public void Prepare()
    {
        var master = new SqlConnectionStringBuilder(database.ConnectionString) { InitialCatalog = "master" }.ConnectionString;
        try
        {
            using var connection = database.OpenAsync(master, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (SqlException ex)
        {
            throw new DatabaseUnavailableException(
                $"Cannot connect to SQL Server '{database.Server}' ({FirstLine(ex.Message)}). "
                + "Check that the server is running and reachable from here, and the server, port and credentials in ConnectionStrings:Databrain.",
                ex);
        }

        EnsureDatabase.For.SqlDatabase(database.ConnectionString, new NoOpUpgradeLog(), database.CommandTimeoutSeconds);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim().TrimEnd('.', ';', ' ');
}
