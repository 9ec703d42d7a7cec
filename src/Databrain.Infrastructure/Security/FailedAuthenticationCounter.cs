using Dapper;
using Databrain.Application.Common.Ports;
using Databrain.Infrastructure.Persistence;

namespace Databrain.Infrastructure.Security;

/// <summary>
/// Failed authentications in the database (table <c>FailedAuthentications</c>), one statement per failure. Only
/// failures reach it: a request that authenticates costs nothing more. Every so often a count also purges a small
/// batch of rows whose window has passed, so the table holds about one row per address that failed recently.
/// </summary>
internal sealed class FailedAuthenticationCounter(IDatabase database, WriteScope writes) : IFailedAuthenticationCounter
{
    /// <summary>One count in this many also purges; each purge takes at most <see cref="PurgeBatch"/> rows.</summary>
    private const int PurgeEvery = 64;
    private const int PurgeBatch = 500;

    public Task<(int Failures, DateTimeOffset WindowEnds)> CountAsync(string addressGroup, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        var windowOpenedBy = (now - window).ToUnixTimeMilliseconds();
        return writes.RunAsync(async write =>
        {
            var counted = await write.Connection.QuerySingleAsync<Row>(database.Command(
                database.Dialect.CountFailedAuthentication,
                new { AddressGroup = addressGroup, Now = now.ToUnixTimeMilliseconds(), WindowOpenedBy = windowOpenedBy },
                cancellationToken,
                write.Transaction));
            if (Random.Shared.Next(PurgeEvery) == 0)
            {
                await write.Connection.ExecuteAsync(database.Command(
                    PurgeSql(database.Dialect), new { WindowOpenedBy = windowOpenedBy, Skip = 0, Take = PurgeBatch }, cancellationToken, write.Transaction));
            }

            await write.CommitAsync(cancellationToken);
            return ((int)counted.Failures, DateTimeOffset.FromUnixTimeMilliseconds(counted.WindowStartUnixMs) + window);
        }, cancellationToken);
    }

    internal static string PurgeSql(ISqlDialect dialect) =>
        $"DELETE FROM FailedAuthentications WHERE AddressGroup IN (SELECT AddressGroup FROM FailedAuthentications WHERE WindowStartUnixMs <= @WindowOpenedBy ORDER BY WindowStartUnixMs {dialect.PagingClause})";

    // A class with setters: Dapper maps by property, whatever types SQLite reports for the columns.
    private sealed class Row
    {
        public long Failures { get; init; }

        public long WindowStartUnixMs { get; init; }
    }
}
