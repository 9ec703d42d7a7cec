using Databrain.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace Databrain.UnitTests.Persistence;

/// <summary>
/// A nested write (a savepoint of a keyed request's shared transaction) whose transaction the server has already
/// ended: undoing it fails, and that failure must neither hide the error on its way out nor let the shared
/// transaction commit. The server's end of the transaction is played by a ROLLBACK sent behind the driver's back
/// on a real in-memory SQLite database.
/// </summary>
public sealed class WriteTransactionTests : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private WriteTransaction _shared = null!;

    public async ValueTask InitializeAsync()
    {
        await _connection.OpenAsync();
        _shared = new WriteTransaction(_connection, (SqliteTransaction)await _connection.BeginTransactionAsync(), gate: null);
    }

    public async ValueTask DisposeAsync() => await _shared.DisposeAsync();

    private async Task EndTheTransactionAsTheServerWouldAsync()
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "ROLLBACK";
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task AnErrorInANestedWrite_GoesOn_WhenItsSavepointIsGoneWithTheTransaction()
    {
        var failure = await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await using var nested = await WriteTransaction.NestedInAsync(_shared, 1, CancellationToken.None);
            await EndTheTransactionAsTheServerWouldAsync();
            throw new TimeoutException("the real error");
        });

        Assert.Equal("the real error", failure.Message);
    }

    [Fact]
    public async Task ASharedTransactionWhosePartCouldNotBeUndone_RefusesToCommit()
    {
        await using (await WriteTransaction.NestedInAsync(_shared, 1, CancellationToken.None))
        {
            await EndTheTransactionAsTheServerWouldAsync();
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => _shared.CommitAsync(CancellationToken.None));
        Assert.Contains("rolled back whole", refused.Message, StringComparison.Ordinal);
        Assert.False(_shared.CommitSent);
    }

    [Fact]
    public async Task ANestedWriteLeftUncommitted_UndoesOnlyItsOwnWork_AndTheSharedOneCommits()
    {
        await using (var setup = _connection.CreateCommand())
        {
            setup.CommandText = "CREATE TABLE T (V INTEGER); INSERT INTO T VALUES (1);";
            await setup.ExecuteNonQueryAsync();
        }

        await using (var nested = await WriteTransaction.NestedInAsync(_shared, 1, CancellationToken.None))
        {
            await using var insert = _connection.CreateCommand();
            insert.CommandText = "INSERT INTO T VALUES (2)";
            await insert.ExecuteNonQueryAsync();
        }

        await _shared.CommitAsync(CancellationToken.None);
        await using var count = _connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM T";
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }
}
