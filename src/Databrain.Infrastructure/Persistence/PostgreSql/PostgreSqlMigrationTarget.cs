using DbUp;
using DbUp.Builder;
using DbUp.Engine.Output;
using Npgsql;

namespace Databrain.Infrastructure.Persistence.PostgreSql;

internal sealed class PostgreSqlMigrationTarget(PostgreSqlDatabase database) : IMigrationTarget
{
    public string ScriptFolder => "PostgreSql";

    public UpgradeEngineBuilder Deploy() =>
        DeployChanges.To.PostgresqlDatabase(database.ConnectionString)
            .WithExecutionTimeout(TimeSpan.FromSeconds(database.CommandTimeoutSeconds));

    /// <summary>
    /// Connects to the target database first (a user may have rights on that database alone); only when it does
    /// not exist is it created, through the server's maintenance database. Fails with one clear message rather
    /// than a driver stack trace when the server does not answer.
    /// </summary>
    public void Prepare()
    {
        try
        {
            using var connection = new NpgsqlConnection(database.ConnectionString);
            connection.Open();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            EnsureDatabase.For.PostgresqlDatabase(database.ConnectionString, new NoOpUpgradeLog());
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new DatabaseUnavailableException(
                $"Cannot connect to PostgreSQL '{database.Server}' ({FirstLine(ex.Message)}). "
                + "Check that the server is running and reachable from here, and the host, port, database and credentials in ConnectionStrings:Databrain.",
                ex);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim().TrimEnd('.', ';', ' ');
}
