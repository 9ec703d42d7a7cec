using System.Collections.Concurrent;
using System.Net;
using Dapper;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Instances;

/// <summary>
/// Three instances on one PostgreSQL database behind a real nginx, under a steady load of keyed creates from eight
/// clients, while the instances are restarted one after another (SIGTERM: drain, stop, start again) or one is
/// killed (SIGKILL). "Loses nothing": a request that got no answer, or 502, 503 or 504 from the proxy, is sent
/// again with its key, and afterwards each intended workspace exists exactly once and none that was answered 200
/// is missing. Progress is counted in answered requests, never in time.
/// </summary>
public sealed class LoadBalancedInstancesOnPostgreSql : IAsyncLifetime
{
    private const int Clients = 8;

    private readonly PostgreSqlTestDatabase _database = new();
    private readonly ServiceInstance?[] _instances = new ServiceInstance?[3];
    private readonly int[] _ports = [ServiceInstance.FreePort(), ServiceInstance.FreePort(), ServiceInstance.FreePort()];
    private readonly IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>
    {
        ["Database__MigrateOnStartup"] = "false",
        ["Shutdown__DrainSeconds"] = "2",

        // Eight clients that key every create go well past the default bound on new keys (100 a second per instance
        // and organization); this test is about restarts, not that bound.
        ["Idempotency__NewKeysPerSecond"] = "100000",
        ["Idempotency__NewKeysBurst"] = "100000",
    };

    private Nginx? _nginx;
    private TestOrganization _org = null!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _database.SkipIfUnavailable();
        Assert.SkipWhen(Nginx.Binary is null, Nginx.Missing);
        var migrated = await ServiceProcess.RunAsync("PostgreSql", _database.ConnectionString!, "migrate");
        Assert.True(migrated.ExitCode == 0, migrated.StandardError);
        _org = TestOrganization.CreateUnique();
        var seed = Path.Combine(Path.GetTempPath(), $"databrain-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(seed, $$"""{"organizations":[{"name":"{{_org.Name}}","serviceTokens":["{{_org.Token}}"]}]}""");
        var seeded = await ServiceProcess.RunAsync("PostgreSql", _database.ConnectionString!, "seed", seed);
        File.Delete(seed);
        Assert.True(seeded.ExitCode == 0, seeded.StandardError);

        for (var i = 0; i < _instances.Length; i++)
        {
            _instances[i] = ServiceInstance.Start(_database, _settings, _ports[i]);
        }

        await Task.WhenAll(_instances.Select(i => i!.WaitUntilAsync()));
        _nginx = Nginx.Start(_ports);
    }

    public async ValueTask DisposeAsync()
    {
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }

        foreach (var instance in _instances.OfType<ServiceInstance>())
        {
            await instance.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ARollingRestartOfEveryInstance_UnderKeyedWrites_LosesNothing()
    {
        await using var load = new KeyedLoad(_nginx!.BaseAddress, _org.Token);
        await load.WaitForMoreAsync(50);

        for (var i = 0; i < _instances.Length; i++)
        {
            var stopping = _instances[i]!;
            stopping.Terminate();
            await stopping.WaitForExitAsync();
            Assert.True(stopping.ExitCode == 0, $"instance {i} exited with {stopping.ExitCode}:\n{stopping.Output}");
            await stopping.DisposeAsync();
            _instances[i] = ServiceInstance.Start(_database, _settings, _ports[i]);
            await _instances[i]!.WaitUntilAsync();
            await load.WaitForMoreAsync(30);
        }

        await AssertNothingLostAsync(await load.StopAsync());
    }

    [Fact]
    public async Task ASigkillOfOneInstance_UnderKeyedWrites_LosesNothing()
    {
        await using var load = new KeyedLoad(_nginx!.BaseAddress, _org.Token);
        await load.WaitForMoreAsync(50);

        await _instances[1]!.KillAsync();
        await load.WaitForMoreAsync(50);
        await _instances[1]!.DisposeAsync();
        _instances[1] = ServiceInstance.Start(_database, _settings, _ports[1]);
        await _instances[1]!.WaitUntilAsync();
        await load.WaitForMoreAsync(30);

        await AssertNothingLostAsync(await load.StopAsync());
    }

    private async Task AssertNothingLostAsync(KeyedLoad.Outcome outcome)
    {
        Assert.Empty(outcome.Unexpected);
        await using var connection = _database.CreateConnection();
        var stored = (await connection.QueryAsync<(string Name, long Count)>(
            "SELECT w.Name, COUNT(*) FROM Workspaces w JOIN Organizations o ON o.Id = w.OrganizationId WHERE o.Name = @Name GROUP BY w.Name",
            new { _org.Name })).ToDictionary(r => r.Name, r => r.Count);

        Assert.All(stored, r => Assert.Equal(1, r.Value));
        Assert.Equal(outcome.Acknowledged.Order(), stored.Keys.Order());
    }

    /// <summary>
    /// Eight clients creating workspaces back to back through the proxy, each create with a key of its own, sent
    /// again (with that key) while it gets no answer or 502, 503 or 504, until it is answered.
    /// </summary>
    private sealed class KeyedLoad : IAsyncDisposable
    {
        private readonly HttpClient _client;
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentBag<string> _acknowledged = [];
        private readonly ConcurrentBag<string> _unexpected = [];
        private readonly Task _running;
        private int _retried;

        public KeyedLoad(Uri proxy, string token)
        {
            _client = new HttpClient { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(30) };
            _client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            _running = Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(() => RunAsync(c))));
        }

        public sealed record Outcome(IReadOnlyCollection<string> Acknowledged, IReadOnlyCollection<string> Unexpected, int Retried);

        /// <summary>Waits until <paramref name="count"/> more creates have been answered 200 (a generous bound, not a timing assertion).</summary>
        public async Task WaitForMoreAsync(int count)
        {
            var target = _acknowledged.Count + count;
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            while (_acknowledged.Count < target)
            {
                Assert.Empty(_unexpected);
                await Task.Delay(20, patience.Token);
            }
        }

        public async Task<Outcome> StopAsync()
        {
            await _stop.CancelAsync();
            await _running;
            return new Outcome([.. _acknowledged], [.. _unexpected], Volatile.Read(ref _retried));
        }

        public async ValueTask DisposeAsync()
        {
            if (!_stop.IsCancellationRequested)
            {
                await StopAsync();
            }

            _stop.Dispose();
            _client.Dispose();
        }

        private async Task RunAsync(int client)
        {
            for (var n = 0; !_stop.IsCancellationRequested; n++)
            {
                var name = $"w-{client}-{n}";
                await CreateUntilAnsweredAsync(name, $"key-{client}-{n}");
            }
        }

        /// <summary>Each create is sent until it is answered, also after the load is told to stop: no create is left unknown.</summary>
        private async Task CreateUntilAnsweredAsync(string name, string key)
        {
            for (var attempt = 0; attempt < 600; attempt++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, ApiCalls.Route)
                {
                    Content = new StringContent($$"""{"name":"{{name}}","connectionType":"MULTI_DATAMART"}""", System.Text.Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("Idempotency-Key", key);
                try
                {
                    using var response = await _client.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        _acknowledged.Add(name);
                        return;
                    }

                    if (response.StatusCode is not (HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
                    {
                        _unexpected.Add($"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        return;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // no answer: sent again with its key
                }

                Interlocked.Increment(ref _retried);
                await Task.Delay(50);
            }

            _unexpected.Add($"{name}: no answer after 600 attempts");
        }
    }
}
