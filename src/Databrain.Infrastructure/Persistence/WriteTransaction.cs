using System.Data.Common;

namespace Databrain.Infrastructure.Persistence;

/// <summary>A connection and its transaction, plus whatever the provider holds while writing (SQLite: the write gate).</summary>
internal sealed class WriteTransaction(DbConnection connection, DbTransaction transaction, IDisposable? gate) : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
        finally
        {
            gate?.Dispose();
        }
    }
}
