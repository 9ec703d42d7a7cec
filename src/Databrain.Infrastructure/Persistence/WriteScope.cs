namespace Databrain.Infrastructure.Persistence;

/// <summary>
/// The write transactions of one request (scoped). Normally each write is a transaction of its own. While a
/// request's writes are shared (<see cref="ShareAsync"/>: a keyed write, whose key must commit together with
/// what it wrote), they are savepoints of one transaction, begun at the first write, which the sharer commits
/// or, by disposing, rolls back.
/// </summary>
#pragma warning disable CA1001 // The shared transaction belongs to whoever shared the writes, who disposes it.
internal sealed class WriteScope(IDatabase database)
#pragma warning restore CA1001
{
    private Shared? _shared;

    public async Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        if (_shared is not { } shared)
        {
            return await database.BeginWriteAsync(cancellationToken);
        }

        var transaction = await shared.TransactionAsync(cancellationToken);
        return await WriteTransaction.NestedInAsync(transaction, ++shared.Nested, cancellationToken);
    }

    /// <summary>From now until the returned object is disposed, this scope's writes share one transaction.</summary>
    public Shared Share()
    {
        if (_shared is not null)
        {
            throw new InvalidOperationException("The writes of this request are shared already.");
        }

        _shared = new Shared(database, () => _shared = null);
        return _shared;
    }

    /// <summary>One shared transaction, begun when first needed.</summary>
    public sealed class Shared(IDatabase database, Action ended) : IAsyncDisposable
    {
        private WriteTransaction? _transaction;

        public int Nested { get; set; }

        public async Task<WriteTransaction> TransactionAsync(CancellationToken cancellationToken) =>
            _transaction ??= await database.BeginWriteAsync(cancellationToken);

        public Task CommitAsync(CancellationToken cancellationToken) =>
            _transaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            ended();
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
            }
        }
    }
}
