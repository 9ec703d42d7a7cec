using Dapper;
using Databrain.Application.History;
using Databrain.Application.History.Ports;
using Databrain.Infrastructure.Persistence;

namespace Databrain.Infrastructure.History;

internal sealed class ChangeRecords(IDatabase database, WriteScope writes) : IChangeRecords
{
    // The organization's row is updated first: its write lock, held until the transaction ends, makes the
    // organization's records take their sequences, and commit, one after another. A record that took sequence N
    // is committed before N + 1 can be taken, so a reader that has seen N + 1 can never later find N.
    private const string Append = """
        UPDATE Organizations SET ChangeSequence = ChangeSequence + 1 WHERE Id = @OrganizationId;
        INSERT INTO WorkspaceChanges (OrganizationId, Sequence, WorkspaceId, Name, Operation, Version, AtUnixMs, TokenId, TokenLabel, Changed)
        SELECT Id, ChangeSequence, @WorkspaceId, @Name, @Operation, @Version, @AtUnixMs, @TokenId, @TokenLabel, @Changed
        FROM Organizations WHERE Id = @OrganizationId;
        SELECT ChangeSequence FROM Organizations WHERE Id = @OrganizationId;
        """;

    private const string Columns = "Sequence, WorkspaceId, Name, Operation, Version, AtUnixMs, TokenId, TokenLabel, Changed";

    private const string PurgeMark = "SELECT ChangesPurgedThrough FROM Organizations WHERE Id = @OrganizationId";

    // The mark first (under the organization's lock, which its writers take too), then the records up to it.
    private const string RaisePurgeMark =
        "UPDATE Organizations SET ChangesPurgedThrough = @Through WHERE Id = @OrganizationId AND ChangesPurgedThrough < @Through";

    private const string PurgeThrough = "DELETE FROM WorkspaceChanges WHERE OrganizationId = @OrganizationId AND Sequence <= @Through";

    internal static string OldestSql(ISqlDialect dialect) =>
        $"SELECT OrganizationId, Sequence FROM WorkspaceChanges WHERE AtUnixMs <= @Cutoff ORDER BY AtUnixMs {dialect.PagingClause}";

    internal static string ReadSql(ISqlDialect dialect, bool byName) =>
        $"""
        {PurgeMark};
        SELECT {Columns} FROM WorkspaceChanges
        WHERE OrganizationId = @OrganizationId AND Sequence > @After{(byName ? " AND Name = @Name" : string.Empty)}
        ORDER BY Sequence {dialect.PagingClause}
        """;

    public Task<ChangeRecord> AppendAsync(
        long organizationId, WorkspaceChange change, string tokenId, string? tokenLabel, DateTimeOffset at, CancellationToken cancellationToken) =>
        writes.RunAsync(
            async write =>
            {
                var sequence = await write.Connection.ExecuteScalarAsync<long>(database.Command(
                    Append,
                    new
                    {
                        OrganizationId = organizationId,
                        change.WorkspaceId,
                        change.Name,
                        change.Operation,
                        change.Version,
                        AtUnixMs = at.ToUnixTimeMilliseconds(),
                        TokenId = tokenId,
                        TokenLabel = tokenLabel,
                        Changed = string.Join(',', change.Changed),
                    },
                    cancellationToken,
                    write.Transaction));
                await write.CommitAsync(cancellationToken);
                return new ChangeRecord(
                    sequence, change.WorkspaceId, change.Name, change.Operation, change.Version, DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()), tokenId, tokenLabel, change.Changed);
            },
            cancellationToken);

    public async Task<ChangePage> ReadAsync(long organizationId, long after, int limit, string? name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(database.Command(
            ReadSql(database.Dialect, name is not null),
            new { OrganizationId = organizationId, After = after, Name = name, Skip = 0, Take = limit },
            cancellationToken));
        var purgedThrough = await results.ReadSingleOrDefaultAsync<long>();
        var records = (await results.ReadAsync<Row>()).Select(r => new ChangeRecord(
            r.Sequence, r.WorkspaceId, r.Name, r.Operation, r.Version, DateTimeOffset.FromUnixTimeMilliseconds(r.AtUnixMs), r.TokenId, r.TokenLabel,
            r.Changed.Length == 0 ? [] : r.Changed.Split(','))).ToArray();
        return new ChangePage(records, purgedThrough);
    }

    public Task<int> PurgeAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken) =>
        writes.RunAsync(
            async write =>
            {
                var oldest = await write.Connection.QueryAsync<(long OrganizationId, long Sequence)>(database.Command(
                    OldestSql(database.Dialect), new { Cutoff = cutoff.ToUnixTimeMilliseconds(), Skip = 0, Take = batchSize }, cancellationToken, write.Transaction));
                var purged = 0;
                foreach (var organization in oldest.GroupBy(r => r.OrganizationId).OrderBy(g => g.Key))
                {
                    var parameters = new { OrganizationId = organization.Key, Through = organization.Max(r => r.Sequence) };
                    await write.Connection.ExecuteAsync(database.Command(RaisePurgeMark, parameters, cancellationToken, write.Transaction));
                    purged += await write.Connection.ExecuteAsync(database.Command(PurgeThrough, parameters, cancellationToken, write.Transaction));
                }

                await write.CommitAsync(cancellationToken);
                return purged;
            },
            cancellationToken);

    // Property mapping, not a constructor: SQLite reports no declared type for some columns.
    private sealed class Row
    {
        public long Sequence { get; init; }

        public string WorkspaceId { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public string Operation { get; init; } = string.Empty;

        public long Version { get; init; }

        public long AtUnixMs { get; init; }

        public string TokenId { get; init; } = string.Empty;

        public string? TokenLabel { get; init; }

        public string Changed { get; init; } = string.Empty;
    }
}
