using Dapper;
using Databrain.Application.Workspaces.GetWorkspace;
using Databrain.Application.Workspaces.ListWorkspaces;
using Databrain.Application.Workspaces.Ports;
using Databrain.Infrastructure.Persistence;

namespace Databrain.Infrastructure.Workspaces;

internal sealed class WorkspaceQueries(IDatabase database) : IWorkspaceQueries
{
    // Ids grow with insertion, so ordering by Id is "oldest first" without a sort on a timestamp.
    private const string List = """
        SELECT Name, ConnectionType FROM Workspaces WHERE OrganizationId = @OrganizationId ORDER BY Id
        """;

    private static readonly string Get = WorkspaceDetailsSql.Select(WorkspaceDetailsSql.ByName);

    public async Task<IReadOnlyList<WorkspaceListItem>> ListAsync(long organizationId, WorkspacePage? page, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WorkspaceListItem>(new CommandDefinition(
            ListSql(database.Dialect, page),
            new { OrganizationId = organizationId, page?.Skip, page?.Take },
            commandTimeout: database.CommandTimeoutSeconds,
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<WorkspaceDetails?> GetAsync(long organizationId, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            Get,
            new { OrganizationId = organizationId, Name = name },
            commandTimeout: database.CommandTimeoutSeconds,
            cancellationToken: cancellationToken));
        return await WorkspaceDetailsSql.ReadAsync(results);
    }

    /// <summary>The statement as sent: every workspace, or one page in the provider's paging syntax.</summary>
    internal static string ListSql(ISqlDialect dialect, WorkspacePage? page) =>
        page is null ? List : $"{List} {dialect.PagingClause}";
}
