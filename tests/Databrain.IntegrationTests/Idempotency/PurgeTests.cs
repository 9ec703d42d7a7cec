using System.Collections.Concurrent;
using Dapper;
using Databrain.Api.Idempotency;
using Databrain.Application.Common.Idempotency;
using Databrain.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Databrain.IntegrationTests.Idempotency;

/// <summary>
/// The purge of expired keys (docs/operations.md, "Expired idempotency keys"): small batches with a pause after
/// each full one, expired keys only; on SQLite, the space they held given back. Each case has a database of its own.
/// </summary>
public abstract class PurgeTests(TestDatabase database) : OwnDatabaseTests(database)
{
    private static readonly IdempotencyOptions Options = new() { PurgeBatchSize = 500, PurgePauseMilliseconds = 100 };

    private ServiceFactory? _service;

    protected ServiceFactory Service => _service ??= StartService();

    protected override async ValueTask DisposeOwnAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    private ServiceFactory StartService()
    {
        var service = new ServiceFactory(Database);
        service.StartServer();
        return service;
    }

    /// <summary>Stores <paramref name="count"/> keys of <paramref name="valueBytes"/>-character answers, expiring at <paramref name="expiresAt"/>, in one statement.</summary>
    protected async Task StoreKeysAsync(string prefix, int count, DateTimeOffset expiresAt, int valueBytes = 10)
    {
        var org = await Service.Services.CreateOrganizationAsync();
        await using var connection = Database.CreateConnection();
        var organizationId = await connection.QuerySingleAsync<long>("SELECT Id FROM Organizations WHERE Name = @Name", new { org.Name });
        var keys = Enumerable.Range(0, count).Select(i => new
        {
            OrganizationId = organizationId,
            Key = $"{prefix}-{i}",
            Value = new string('x', valueBytes),
            ExpiresAt = expiresAt.ToUnixTimeMilliseconds(),
        });
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO IdempotencyKeys (OrganizationId, IdempotencyKey, Fingerprint, Value, CreatedAtUnixMs, ExpiresAtUnixMs) VALUES (@OrganizationId, @Key, 'f', @Value, 0, @ExpiresAt)",
            keys,
            transaction);
        await transaction.CommitAsync();
    }

    protected async Task<long> ScalarAsync(string sql)
    {
        await using var connection = Database.CreateConnection();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    protected IdempotencyKeyPurger Purger(TimeProvider time) =>
        new(Service.Services.GetRequiredService<IServiceScopeFactory>(), Options, time, NullLogger<IdempotencyKeyPurger>.Instance);

    [Fact]
    public async Task ThePurge_DeletesExpiredKeysOnly_InBatches_WithAPauseAfterEachFullOne()
    {
        var now = DateTimeOffset.UtcNow;
        await StoreKeysAsync("expired", 1234, now.AddMinutes(-1));
        await StoreKeysAsync("kept", 10, now.AddHours(1));
        var timers = new InstantTimers(TimeProvider.System);

        var purged = await Purger(timers).PurgeAsync(CancellationToken.None);

        Assert.Equal(1234, purged);
        Assert.Equal(10, await ScalarAsync("SELECT COUNT(*) FROM IdempotencyKeys"));
        // Batches of 500, 500 and 234: a pause after each of the two full ones (and, on SQLite, after each step that gave space back).
        Assert.True(timers.Waits.Count >= 2, $"{timers.Waits.Count} pauses");
        Assert.All(timers.Waits, wait => Assert.Equal(TimeSpan.FromMilliseconds(100), wait));
    }

    /// <summary>A clock whose timers fire at once, recording what each was asked to wait: the purge's pauses, without waiting for them.</summary>
    private sealed class InstantTimers(TimeProvider clock) : TimeProvider
    {
        public ConcurrentQueue<TimeSpan> Waits { get; } = new();

        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Waits.Enqueue(dueTime);
            return System.CreateTimer(callback, state, TimeSpan.Zero, period);
        }
    }
}

public sealed class PurgeOnSqlite() : PurgeTests(new SqliteTestDatabase())
{
    /// <summary>Freed pages go back to the file system (incremental vacuum), a step at a time, rather than staying in the file.</summary>
    [Fact]
    public async Task ThePurge_GivesTheSpaceOfTheKeysBack()
    {
        await StoreKeysAsync("kept", 10, DateTimeOffset.UtcNow.AddHours(1));
        var pagesBefore = await ScalarAsync("PRAGMA page_count");
        await StoreKeysAsync("expired", 4000, DateTimeOffset.UtcNow.AddMinutes(-1), valueBytes: 2000);
        var pagesFull = await ScalarAsync("PRAGMA page_count");

        await Purger(TimeProvider.System).PurgeAsync(CancellationToken.None);

        var pagesAfter = await ScalarAsync("PRAGMA page_count");
        Assert.True(pagesFull - pagesBefore > 2000, $"{pagesFull - pagesBefore} pages stored"); // 4,000 answers of 2,000 bytes
        Assert.Equal(0, await ScalarAsync("PRAGMA freelist_count"));
        Assert.True(pagesAfter - pagesBefore < 100, $"{pagesAfter} pages after the purge, {pagesBefore} before the keys");
    }
}

public sealed class PurgeOnPostgreSql() : PurgeTests(new PostgreSqlTestDatabase());

public sealed class PurgeOnSqlServer() : PurgeTests(new SqlServerTestDatabase());
