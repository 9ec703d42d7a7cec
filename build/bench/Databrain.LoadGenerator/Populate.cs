using Microsoft.Data.Sqlite;

namespace Databrain.LoadGenerator;

/// <summary>
/// Loads catalog rows into a migrated SQLite file, spread over many organizations (100 rows each, a third
/// datasources, a third LLMs, a third workspaces), in one transaction with prepared statements.
/// </summary>
internal static class Populate
{
    public static int Run(string database, int rows)
    {
        const int PerOrganization = 100;
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var organization = Command(connection, transaction, "INSERT INTO Organizations (Name) VALUES ($n) RETURNING Id", "$n");
        using var datasource = Command(connection, transaction, "INSERT INTO Datasources (OrganizationId, Name) VALUES ($o, $n)", "$o", "$n");
        using var llm = Command(connection, transaction, "INSERT INTO Llms (OrganizationId, Name) VALUES ($o, $n)", "$o", "$n");
        using var workspace = Command(connection, transaction, "INSERT INTO Workspaces (OrganizationId, Name, ConnectionType, IsEnableMetricSuggestions, IsEnableMetricSummary) VALUES ($o, $n, 'MULTI_DATAMART', 0, 0)", "$o", "$n");
        for (var org = 0; org * PerOrganization < rows; org++)
        {
            organization.Parameters["$n"].Value = $"filler-{org:D6}";
            var id = (long)organization.ExecuteScalar()!;
            for (var i = 0; i < PerOrganization; i++)
            {
                var command = (i % 3) switch { 0 => datasource, 1 => llm, _ => workspace };
                command.Parameters["$o"].Value = id;
                command.Parameters["$n"].Value = $"filler-{i:D3}";
                command.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        return 0;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = parameter });
        }

        command.Prepare();
        return command;
    }
}
