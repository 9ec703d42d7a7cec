using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Databrain.Infrastructure.Persistence.Sqlite;

internal sealed class SqliteDialect : ISqlDialect
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public string PagingClause => "LIMIT @Take OFFSET @Skip";

    public string UtcNow => "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    public string RowsAffected => "changes()";

    public bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey };
}
