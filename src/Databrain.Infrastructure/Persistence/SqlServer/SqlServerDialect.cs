using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Databrain.Infrastructure.Persistence.SqlServer;

internal sealed class SqlServerDialect : ISqlDialect
{
    private const int DuplicateKeyInUniqueIndex = 2601;
    private const int UniqueConstraintViolation = 2627;
    private const int DeadlockVictim = 1205;

    public string PagingClause => "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";

    public string LockWorkspaceRow => "SELECT Id FROM Workspaces WITH (UPDLOCK, ROWLOCK) WHERE Id = @Id;";

    public string? ReclaimFreePages(int pages) => null;

    public string UtcNow => "SYSUTCDATETIME()";

    public string OnlyIfTheLastStatementChangedARow => "IF @@ROWCOUNT = 1 ";

    // HOLDLOCK: two instances counting the first failure of one group at once must not both insert it.
    public string CountFailedAuthentication => """
        MERGE dbo.FailedAuthentications WITH (HOLDLOCK) AS f
        USING (SELECT @AddressGroup AS AddressGroup) AS s ON f.AddressGroup = s.AddressGroup
        WHEN MATCHED THEN UPDATE SET
            Failures = CASE WHEN f.WindowStartUnixMs <= @WindowOpenedBy THEN 1 ELSE f.Failures + 1 END,
            WindowStartUnixMs = CASE WHEN f.WindowStartUnixMs <= @WindowOpenedBy THEN @Now ELSE f.WindowStartUnixMs END
        WHEN NOT MATCHED THEN INSERT (AddressGroup, WindowStartUnixMs, Failures) VALUES (@AddressGroup, @Now, 1)
        OUTPUT inserted.Failures, inserted.WindowStartUnixMs;
        """;

    public bool IsUniqueViolation(DbException exception) =>
        exception is SqlException sql && sql.Errors.Cast<SqlError>().Any(e => e.Number is DuplicateKeyInUniqueIndex or UniqueConstraintViolation);

    /// <summary>
    /// A deadlock victim (1205), or a connection the server or the network broke (the transport-level errors):
    /// the server rolls back the transaction. Not a timeout (-2): the statement may still have run.
    /// </summary>
    public bool NothingWasCommitted(Exception exception) =>
        exception is SqlException sql && sql.Errors.Cast<SqlError>().Any(e => e.Number is DeadlockVictim or 64 or 233 or 10053 or 10054);
}
