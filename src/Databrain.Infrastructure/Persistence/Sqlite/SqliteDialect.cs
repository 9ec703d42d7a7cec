using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Databrain.Infrastructure.Persistence.Sqlite;

internal sealed class SqliteDialect : ISqlDialect
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public string PagingClause => "LIMIT @Take OFFSET @Skip";

    public string LockWorkspaceRow => string.Empty;

    // PRAGMA takes no parameters; the count is the service's own number.
    public string? ReclaimFreePages(int pages) => string.Create(CultureInfo.InvariantCulture, $"PRAGMA incremental_vacuum({pages}); PRAGMA freelist_count;");

    public string UtcNow => "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    public string OnlyIfTheLastStatementChangedARow => string.Empty;

    public string CountFailedAuthentication => UpsertFailedAuthentication;

    /// <summary><see cref="CountFailedAuthentication"/> as SQLite and PostgreSQL both write it: an upsert that returns the row.</summary>
    internal const string UpsertFailedAuthentication = """
        INSERT INTO FailedAuthentications (AddressGroup, WindowStartUnixMs, Failures) VALUES (@AddressGroup, @Now, 1)
        ON CONFLICT (AddressGroup) DO UPDATE SET
            Failures = CASE WHEN FailedAuthentications.WindowStartUnixMs <= @WindowOpenedBy THEN 1 ELSE FailedAuthentications.Failures + 1 END,
            WindowStartUnixMs = CASE WHEN FailedAuthentications.WindowStartUnixMs <= @WindowOpenedBy THEN @Now ELSE FailedAuthentications.WindowStartUnixMs END
        RETURNING Failures, WindowStartUnixMs
        """;

    public bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey };

    /// <summary>Never: writes pass one at a time, so there is no deadlock to lose, and SQLITE_BUSY is a timeout.</summary>
    public bool NothingWasCommitted(Exception exception) => false;
}
