using System.Net;
using Databrain.Api.Idempotency;
using Databrain.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Databrain.IntegrationTests.Idempotency;

/// <summary>Keys are remembered for Idempotency:RetentionHours, then new again, and purged by the service (a fake clock, no waiting).</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
    private ServiceFactory _service = null!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _service = new ServiceFactory(
            _database,
            settings: new Dictionary<string, string> { ["Idempotency:RetentionHours"] = "24" },
            services: services => services.AddSingleton<TimeProvider>(_time));
        _service.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<long> KeysStoredAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM IdempotencyKeys";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task AKey_IsReplayedWithinItsRetention_ThenIsNewAgain_AndExpiredKeysArePurged()
    {
        var org = await _service.Services.CreateOrganizationAsync();
        using var client = _service.CreateClient();
        var body = new { name = "Kept", connectionType = "MULTI_DATAMART" };
        Task<ApiResponse> Send(string key) => client.SendAsync(HttpMethod.Post, org.Token, body: body, headers: ("Idempotency-Key", key));

        var first = await Send("k-1");
        _time.Advance(TimeSpan.FromHours(23));
        var withinRetention = await Send("k-1");
        _time.Advance(TimeSpan.FromHours(2));
        var afterRetention = await Send("k-1");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.True(withinRetention.Message.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.OK, withinRetention.Status);
        Assert.False(afterRetention.Message.Headers.Contains("Idempotent-Replayed")); // new again: processed, and the name is taken
        Assert.Equal("WORKSPACE_NAME_ALREADY_EXISTS", afterRetention.ErrorCode);
    }

    [Fact]
    public async Task ThePurger_DeletesEveryExpiredKey_BatchAfterBatch_AndKeepsTheOthers()
    {
        var org = await _service.Services.CreateOrganizationAsync();
        using var client = _service.CreateClient();
        await client.SendAsync(HttpMethod.Post, org.Token, body: new { name = "young", connectionType = "MULTI_DATAMART" }, headers: ("Idempotency-Key", "young"));
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1234)
                INSERT INTO IdempotencyKeys (OrganizationId, IdempotencyKey, Fingerprint, CreatedAtUnixMs, ExpiresAtUnixMs)
                SELECT o.Id, 'expired-' || n.i, 'f', $expired, $expired FROM n JOIN Organizations o ON o.Name = $org
                """;
            command.Parameters.AddWithValue("$expired", _time.GetUtcNow().AddMinutes(-1).ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$org", org.Name);
            await command.ExecuteNonQueryAsync();
        }

        var purger = _service.Services.GetServices<IHostedService>().OfType<IdempotencyKeyPurger>().Single();
        var purged = await purger.PurgeAsync(CancellationToken.None);

        Assert.Equal(1234, purged); // three batches of at most 500
        Assert.Equal(1, await KeysStoredAsync());
    }

    [Fact]
    public async Task ThePurger_RunsByItself_WhenItsIntervalPasses()
    {
        var org = await _service.Services.CreateOrganizationAsync();
        using var client = _service.CreateClient();
        await client.SendAsync(HttpMethod.Post, org.Token, body: new { name = "Soon gone", connectionType = "MULTI_DATAMART" }, headers: ("Idempotency-Key", "soon-gone"));

        _time.Advance(TimeSpan.FromHours(25)); // past the retention, and past the purger's interval

        // The purge runs on the host's own task once the fake clock fires its timer: observe its effect.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await KeysStoredAsync() > 0)
        {
            await Task.Delay(50, patience.Token);
        }

        Assert.Equal(0, await KeysStoredAsync());
    }
}
