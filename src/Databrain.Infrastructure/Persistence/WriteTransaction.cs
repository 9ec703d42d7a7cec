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
            // Ends the transaction (a rollback unless committed), then returns the connection to the pool while
            // the gate is still held: the next writer then takes this same connection, whose page cache is
            // current (no one else writes), rather than one whose cache another writer's commit made stale.
            try
            {
                await Transaction.DisposeAsync();
            }
            finally
            {
                await Connection.DisposeAsync();
            }
        }
        finally
        {
            gate?.Dispose();
        }

        if (gate is not null)
        {
            // The next writer resumes as a work item queued on this thread. Yielding runs it first, before the
            // rest of this request (the response, the log line), during which the one-at-a-time section would
            // otherwise stand idle (docs/performance.md: 5 to 10 % more creates).
            await Task.Yield();
        }
    }
}
