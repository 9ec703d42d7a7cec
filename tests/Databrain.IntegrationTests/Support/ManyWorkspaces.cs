using Dapper;
using Databrain.Infrastructure.Persistence;

namespace Databrain.IntegrationTests.Support;

/// <summary>Large organizations for the tests of whole lists, written in one statement (SQLite and PostgreSQL).</summary>
public static class ManyWorkspaces
{
    /// <summary>
    /// Adds <paramref name="count"/> workspaces, <c>workspace-000001</c> onwards, to the organization, each with a public
    /// id made of the organization's id and its number (unique, and recognisable in a failure).
    /// </summary>
    public static async Task AddWorkspacesAsync(this TestDatabase database, string organizationName, int count)
    {
        string Digits(string value, int digits) => database.Provider == DatabaseProvider.Sqlite
            ? $"printf('%0{digits}d', {value})"
            : $"lpad(({value})::text, {digits}, '0')";
        await using var connection = database.CreateConnection();
        await connection.ExecuteAsync(
            $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @Count)
            INSERT INTO Workspaces (PublicId, OrganizationId, Name, ConnectionType, IsEnableMetricSuggestions, IsEnableMetricSummary)
            SELECT '00000000-' || {Digits("o.Id % 10000", 4)} || '-4000-8000-' || {Digits("n.i", 12)}, o.Id, 'workspace-' || {Digits("n.i", 6)},
                   'MULTI_DATAMART', @Off, @Off
            FROM n JOIN Organizations o ON o.Name = @Name
            """,
            new { Count = count, Name = organizationName, Off = false });
    }
}
