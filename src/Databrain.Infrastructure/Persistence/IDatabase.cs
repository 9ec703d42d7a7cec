using System.Data.Common;

namespace Databrain.Infrastructure.Persistence;

/// <summary>
/// One database provider: opens a new connection per unit of work (never one kept across requests), starts
/// write transactions the way that provider wants them, and knows its SQL dialect.
/// </summary>
internal interface IDatabase
{
    ISqlDialect Dialect { get; }

    int CommandTimeoutSeconds { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A connection with an open transaction; disposing it without <see cref="WriteTransaction.CommitAsync"/> rolls back.</summary>
    Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken);
}
