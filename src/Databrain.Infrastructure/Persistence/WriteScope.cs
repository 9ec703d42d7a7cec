namespace Databrain.Infrastructure.Persistence;

/// <summary>
/// The write transactions of one request (scoped). Normally each write is a unit of work of its own, run again
/// when the server rolled it back whole (<see cref="UnitOfWork"/>). Inside <see cref="RunTogetherAsync"/> (a keyed
/// write, whose key must commit together with what it wrote; any concern that writes with the request: the
/// request's unit of work) the request's writes are savepoints of one transaction, begun at the first write, which
/// the outermost caller owns: it commits, rolls back by disposing, and is the one to run the whole again.
/// </summary>
#pragma warning disable CA1001 // The shared transaction belongs to whoever shared the writes, who disposes it.
internal sealed class WriteScope(IDatabase database)
#pragma warning restore CA1001
{
    private Shared? _shared;

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction, which it commits with
    /// <see cref="WriteTransaction.CommitAsync"/> or leaves to be rolled back.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<WriteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_shared is { } shared)
        {
            var transaction = await shared.TransactionAsync(cancellationToken);
            await using var nested = await WriteTransaction.NestedInAsync(transaction, ++shared.Nested, cancellationToken);
            return await work(nested);
        }

        return await UnitOfWork.RunAsync(database.Dialect, async attempt =>
        {
            await using var write = await database.BeginWriteAsync(cancellationToken);
            try
            {
                return await work(write);
            }
            finally
            {
                attempt.CommitSent = write.CommitSent;
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> with every write of this scope in one transaction, which <paramref name="work"/>
    /// commits by calling the function it is given, and which is rolled back otherwise. The outermost call owns
    /// the transaction, and runs the whole again when the server rolled it back with nothing committed. A call
    /// inside another joins it as a savepoint: its commit keeps its writes for the owner to commit, and without
    /// it only its own writes are undone.
    /// </summary>
    public async Task<T> RunTogetherAsync<T>(Func<Func<CancellationToken, Task>, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_shared is { } outer)
        {
            // Its savepoint is taken at its first write, not here: the shared transaction (and its connection) begins
            // at the request's first write, so that a request never holds a connection while it waits for another
            // (for its reads before writing): 200 keyed requests at once would starve the pool.
            var unit = outer.Enter();
            try
            {
                return await work(unit.CommitAsync);
            }
            finally
            {
                await outer.ExitAsync(unit);
            }
        }

        IReadOnlyList<Func<Task>> afterCommit = [];
        var result = await UnitOfWork.RunAsync(database.Dialect, async attempt =>
        {
            await using var shared = _shared = new Shared(database, () => _shared = null);
            try
            {
                var value = await work(shared.CommitAsync);
                afterCommit = shared.CommitSent ? shared.AfterCommit : []; // here the commit, if sent, succeeded
                return value;
            }
            finally
            {
                attempt.CommitSent = shared.CommitSent;
            }
        }, cancellationToken);
        foreach (var action in afterCommit)
        {
            await action();
        }

        return result;
    }

    /// <summary>Runs <paramref name="action"/> once the shared transaction committed (<see cref="RunTogetherAsync"/>).</summary>
    public void AfterCommit(Func<Task> action) =>
        (_shared ?? throw new InvalidOperationException("AfterCommit is for a unit of work that is running.")).AfterCommit.Add(action);

    /// <summary>
    /// One shared transaction, begun when first needed, and the units of work running inside it, each a savepoint
    /// taken when first needed (outermost first: undoing one undoes the ones inside it too).
    /// </summary>
    public sealed class Shared(IDatabase database, Action ended) : IAsyncDisposable
    {
        private readonly List<Inner> _inner = [];

        /// <summary>What runs once this transaction committed; an attempt the server rolled back drops its list with it.</summary>
        public List<Func<Task>> AfterCommit { get; } = [];
        private WriteTransaction? _transaction;

        public int Nested { get; set; }

        public bool CommitSent => _transaction?.CommitSent ?? false;

        public async Task<WriteTransaction> TransactionAsync(CancellationToken cancellationToken)
        {
            _transaction ??= await database.BeginWriteAsync(cancellationToken);
            foreach (var unit in _inner.Where(u => u.Savepoint is null))
            {
                unit.Savepoint = await WriteTransaction.NestedInAsync(_transaction, ++Nested, cancellationToken);
            }

            return _transaction;
        }

        public Task CommitAsync(CancellationToken cancellationToken) =>
            _transaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

        public Inner Enter()
        {
            var unit = new Inner();
            _inner.Add(unit);
            return unit;
        }

        /// <summary>Ends a unit of work inside: its writes are undone unless it committed (none if it wrote nothing).</summary>
        public async Task ExitAsync(Inner unit)
        {
            _inner.Remove(unit);
            if (unit.Savepoint is { } savepoint)
            {
                if (unit.Committed)
                {
                    await savepoint.CommitAsync(CancellationToken.None);
                }

                await savepoint.DisposeAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            ended();
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
            }
        }

        /// <summary>A unit of work inside the shared one: its savepoint, once it has written, and whether it committed.</summary>
        public sealed class Inner
        {
            public WriteTransaction? Savepoint { get; set; }

            public bool Committed { get; private set; }

            /// <summary>Keeps its writes for the owner to commit (a savepoint's commit sends nothing).</summary>
            public Task CommitAsync(CancellationToken cancellationToken)
            {
                Committed = true;
                return Task.CompletedTask;
            }
        }
    }
}
