using System.Runtime.CompilerServices;
using Dapper;
using Databrain.Application.Workspaces;
using Databrain.Application.Workspaces.Ports;
using Databrain.Domain.Workspaces;
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
    // continues a list where its previous chunk ended (an index seek on (OrganizationId, Id)). The connection type
    // comes as its enum's number, mapped back to the enum's own wire constant: a row costs one string, its name.
    private static readonly string List = $"""
        SELECT Id, Name, CASE ConnectionType {string.Join(" ", Enum.GetValues<ConnectionType>().Select(t => $"WHEN '{t.ToWire()}' THEN {(int)t}"))} END
        FROM Workspaces WHERE OrganizationId = @OrganizationId AND Id > @After ORDER BY Id
        """;

    private static readonly string Get = WorkspaceDetailsSql.Select(WorkspaceDetailsSql.ByName);

    public async Task<IReadOnlyList<WorkspaceListItem>> ListAsync(long organizationId, WorkspacePage page, CancellationToken cancellationToken) =>
        (await ReadAsync(organizationId, after: 0, page.Skip, page.Take, cancellationToken)).Items;

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
    private async IAsyncEnumerable<WorkspaceListItem> Continue(long organizationId, Chunk chunk, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            foreach (var item in chunk.Items)
            {
                yield return item;
            }

            if (chunk.Items.Count < ChunkSize)
            {
                yield break;
            }

            chunk = await ReadAsync(organizationId, chunk.LastId, skip: 0, ChunkSize, cancellationToken);
        }
    }

    private async Task<Chunk> ReadAsync(long organizationId, long after, long skip, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(database.Command(
            ListSql(database.Dialect),
            new { OrganizationId = organizationId, After = after, Skip = skip, Take = take }, cancellationToken));
        var items = new List<WorkspaceListItem>(take);
        var lastId = after;
        while (await reader.ReadAsync(cancellationToken))
        {
            lastId = reader.GetInt64(0);
            items.Add(new WorkspaceListItem(reader.GetString(1), ((ConnectionType)reader.GetInt32(2)).ToWire()));
        }

        return new Chunk(items, lastId);
    }

    /// <summary>Rows of one query, and the id of the last one: where the next chunk starts.</summary>
    private sealed record Chunk(IReadOnlyList<WorkspaceListItem> Items, long LastId);
}
