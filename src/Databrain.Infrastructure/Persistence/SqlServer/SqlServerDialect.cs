using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Databrain.Infrastructure.Persistence.SqlServer;

internal sealed class SqlServerDialect : ISqlDialect
{
    private const int DuplicateKeyInUniqueIndex = 2601;
    private const int UniqueConstraintViolation = 2627;

    public string PagingClause => "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";

    public string UtcNow => "SYSUTCDATETIME()";

    public string RowsAffected => "@@ROWCOUNT";

    public bool IsUniqueViolation(DbException exception) =>
        exception is SqlException sql && sql.Errors.Cast<SqlError>().Any(e => e.Number is DuplicateKeyInUniqueIndex or UniqueConstraintViolation);
}
