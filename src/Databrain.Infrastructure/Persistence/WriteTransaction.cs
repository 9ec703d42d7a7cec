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
            // Ends the transaction (a rollback unless committed), which releases the database's write lock.
            await Transaction.DisposeAsync();
        }
        catch
        {
            // The transaction may still hold the lock: close the connection before letting the next writer in.
            await Connection.DisposeAsync();
            gate?.Dispose();
            throw;
        }

        if (gate is not null)
        {
            gate.Dispose();

            // The next writer resumes as a work item queued on this thread. Yielding runs it first, before the
            // rest of this request (closing the connection, the response, the log line), during which the
            // one-at-a-time section would otherwise stand idle (docs/performance.md: 5 % more creates).
            await Task.Yield();
        }

        await Connection.DisposeAsync();
    }
}
