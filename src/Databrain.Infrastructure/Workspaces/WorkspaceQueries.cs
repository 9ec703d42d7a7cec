using System.Data.Common;
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
    private static readonly string Columns =
        $"Id, Name, CASE ConnectionType {string.Join(" ", Enum.GetValues<ConnectionType>().Select(t => $"WHEN '{t.ToWire()}' THEN {(int)t}"))} END";

    private static readonly string Get = WorkspaceDetailsSql.Select(WorkspaceDetailsSql.ByName);

    public async Task<WorkspaceListPage> ListAsync(long organizationId, WorkspacePage page, WorkspaceFilter filter, CancellationToken cancellationToken)
    {
        // The count and the page in one command: two statements, one round trip.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(database.Command(
            $"{CountSql(filter)};\n{ListSql(database.Dialect, filter)}",
            Parameters(organizationId, filter, after: 0, page.Skip, page.Take), cancellationToken));
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        return new WorkspaceListPage((await ReadRowsAsync(reader, after: 0, page.Take, cancellationToken)).Items, total);
    }

    public async Task<IAsyncEnumerable<WorkspaceListItem>> ListAllAsync(long organizationId, WorkspaceFilter filter, CancellationToken cancellationToken) =>
        Continue(organizationId, filter, await ReadAsync(organizationId, filter, after: 0, cancellationToken), cancellationToken);

    public async Task<WorkspaceDetails?> GetAsync(long organizationId, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await WorkspaceDetailsSql.QueryAsync(connection, database.Command(
            Get,
            new { OrganizationId = organizationId, Name = name }, cancellationToken));
    }

    /// <summary>The list statement as sent, with the filter's conditions, in the provider's paging syntax.</summary>
    internal static string ListSql(ISqlDialect dialect, WorkspaceFilter filter) =>
        $"SELECT {Columns} FROM Workspaces WHERE OrganizationId = @OrganizationId AND Id > @After{Conditions(filter)} ORDER BY Id {dialect.PagingClause}";

    /// <summary>How many workspaces match the filter.</summary>
    internal static string CountSql(WorkspaceFilter filter) =>
        $"SELECT COUNT(*) FROM Workspaces WHERE OrganizationId = @OrganizationId{Conditions(filter)}";

    /// <summary>
    /// The filter as conditions. A name prefix is a range of the (OrganizationId, Name) index: names compare
    /// ordinally on every provider (SQLite's BINARY, PostgreSQL's "C", SQL Server's BIN2), so the names that start
    /// with it are those from the prefix up to the first text after all of them (<see cref="NamePrefix.End"/>).
    /// </summary>
    private static string Conditions(WorkspaceFilter filter) =>
        (filter.NameStartsWith is null ? string.Empty
            : NamePrefix.End(filter.NameStartsWith) is null ? " AND Name >= @Prefix" : " AND Name >= @Prefix AND Name < @PrefixEnd")
        + (filter.ConnectionType is null ? string.Empty : " AND ConnectionType = @ConnectionType");

    private static DynamicParameters Parameters(long organizationId, WorkspaceFilter filter, long after, long skip, int take)
    {
        var parameters = new DynamicParameters(new { OrganizationId = organizationId, After = after, Skip = skip, Take = take });
        if (filter.NameStartsWith is { } prefix)
        {
            parameters.Add("Prefix", prefix);
            parameters.Add("PrefixEnd", NamePrefix.End(prefix));
        }

        if (filter.ConnectionType is { } type)
        {
            parameters.Add("ConnectionType", type.ToWire());
        }

        return parameters;
    }

    /// <summary>Yields a chunk, then reads the next one when the reader gets there; no connection stays open in between.</summary>
    private async IAsyncEnumerable<WorkspaceListItem> Continue(long organizationId, WorkspaceFilter filter, Chunk chunk, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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

            chunk = await ReadAsync(organizationId, filter, chunk.LastId, cancellationToken);
        }
    }

    private async Task<Chunk> ReadAsync(long organizationId, WorkspaceFilter filter, long after, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(database.Command(
            ListSql(database.Dialect, filter),
            Parameters(organizationId, filter, after, skip: 0, ChunkSize), cancellationToken));
        return await ReadRowsAsync(reader, after, ChunkSize, cancellationToken);
    }

    private static async Task<Chunk> ReadRowsAsync(DbDataReader reader, long after, int take, CancellationToken cancellationToken)
    {
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
