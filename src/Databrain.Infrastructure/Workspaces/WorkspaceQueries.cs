using System.Runtime.CompilerServices;
using Dapper;
using Databrain.Application.Workspaces;
using Databrain.Application.Workspaces.GetWorkspace;
using Databrain.Application.Workspaces.ListWorkspaces;
using Databrain.Application.Workspaces.Ports;
using Databrain.Infrastructure.Persistence;

namespace Databrain.Infrastructure.Workspaces;

internal sealed class WorkspaceQueries(IDatabase database) : IWorkspaceQueries
{
    /// <summary>
    /// Rows per query of a whole list: small enough that a chunk is a few tens of kilobytes, large enough that a
    /// list of a few hundred workspaces is one query.
    /// </summary>
    internal const int ChunkSize = 500;

    // Ids grow with insertion, so ordering by Id is "oldest first" without a sort on a timestamp, and "Id > @After"
    // continues a list where its previous chunk ended (an index seek on (OrganizationId, Id)).
    private const string List = """
        SELECT Id, Name, ConnectionType FROM Workspaces WHERE OrganizationId = @OrganizationId AND Id > @After ORDER BY Id
        """;

    private static readonly string Get = WorkspaceDetailsSql.Select(WorkspaceDetailsSql.ByName);

    public async Task<IReadOnlyList<WorkspaceListItem>> ListAsync(long organizationId, WorkspacePage page, CancellationToken cancellationToken)
    {
        return (await ReadAsync(organizationId, after: 0, page.Skip, page.Take, cancellationToken)).Select(r => r.Item).ToArray();
    }

    public async Task<IAsyncEnumerable<WorkspaceListItem>> ListAllAsync(long organizationId, CancellationToken cancellationToken) =>
        Continue(organizationId, await ReadAsync(organizationId, after: 0, skip: 0, ChunkSize, cancellationToken), cancellationToken);

    public async Task<WorkspaceDetails?> GetAsync(long organizationId, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await WorkspaceDetailsSql.QueryAsync(connection, database.Command(
            Get,
            new { OrganizationId = organizationId, Name = name }, cancellationToken));
    }

    /// <summary>The list statement as sent, in the provider's paging syntax.</summary>
    internal static string ListSql(ISqlDialect dialect) => $"{List} {dialect.PagingClause}";

    /// <summary>Yields a chunk, then reads the next one when the reader gets there; no connection stays open in between.</summary>
    private async IAsyncEnumerable<WorkspaceListItem> Continue(long organizationId, IReadOnlyList<Row> chunk, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            foreach (var row in chunk)
            {
                yield return row.Item;
            }

            if (chunk.Count < ChunkSize)
            {
                yield break;
            }

            chunk = await ReadAsync(organizationId, chunk[^1].Id, skip: 0, ChunkSize, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<Row>> ReadAsync(long organizationId, long after, long skip, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(database.Command(
            ListSql(database.Dialect),
            new { OrganizationId = organizationId, After = after, Skip = skip, Take = take }, cancellationToken));
        return rows.AsList();
    }

    // A class with setters: Dapper maps by property, whatever types SQLite reports for the columns.
    private sealed class Row
    {
        public long Id { get; init; }

        public string Name { get; init; } = string.Empty;

        public string ConnectionType { get; init; } = string.Empty;

        public WorkspaceListItem Item => new(Name, ConnectionType);
    }
}
