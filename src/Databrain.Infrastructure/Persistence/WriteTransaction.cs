using System.Data.Common;
using System.Globalization;

namespace Databrain.Infrastructure.Persistence;

/// <summary>
/// A connection and its transaction, plus whatever the provider holds while writing (SQLite: the write gate).
/// A nested one (<see cref="NestedInAsync"/>) is a savepoint of a shared transaction (<see cref="WriteScope"/>):
/// committing it keeps its work for the shared transaction to commit, and disposing it uncommitted undoes only
/// its own work.
/// </summary>
internal sealed class WriteTransaction(DbConnection connection, DbTransaction transaction, IDisposable? gate) : IAsyncDisposable
{
    private string? _savepoint;
    private WriteTransaction? _parent;
    private bool _committed;
    private bool _broken;

    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    /// <summary>Whether the commit was asked of the server: from then on, a failure leaves the outcome unknown.</summary>
    public bool CommitSent { get; private set; }

    private bool IsNested => _savepoint is not null;

    public static async Task<WriteTransaction> NestedInAsync(WriteTransaction shared, int number, CancellationToken cancellationToken)
    {
        var savepoint = string.Create(CultureInfo.InvariantCulture, $"write{number}");
        await shared.Transaction.SaveAsync(savepoint, cancellationToken);
        return new WriteTransaction(shared.Connection, shared.Transaction, gate: null) { _savepoint = savepoint, _parent = shared };
    }

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        _committed = true;
        if (IsNested)
        {
            return Task.CompletedTask;
        }

        if (_broken)
        {
            throw new InvalidOperationException("A part of this transaction could not be undone; it is rolled back whole instead of committed.");
        }

        CommitSent = true;
        return Transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (IsNested)
        {
            if (!_committed)
            {
                await RollBackToSavepointAsync();
            }

            return;
        }

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

    /// <summary>
    /// Undoes this nested write's own work. When the server has ended the whole transaction already (a deadlock
    /// victim, a lost connection), that fails; the failure must not hide the error that is on its way out
    /// ("This SqlTransaction has completed" instead of the deadlock), so the shared transaction is marked to
    /// refuse its commit instead, and the real error goes on.
    /// </summary>
    private async Task RollBackToSavepointAsync()
    {
        try
        {
            await Transaction.RollbackAsync(_savepoint!);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            _parent!._broken = true;
        }
    }
}
