using System.Net;
using Databrain.Api.Observability;
using Databrain.IntegrationTests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Databrain.IntegrationTests.Observability;

/// <summary><c>/health/ready</c> asks the database at most once per <c>Health:ReadyCacheSeconds</c>, whatever the number of callers.</summary>
public sealed class ReadyCacheTests
{
    private readonly FakeTimeProvider _time = new();
    private int _checks;

    private IHealthCheck Counting(HealthCheckResult result) =>
        Intercept.Around<IHealthCheck>(null, (_, _) =>
        {
            Interlocked.Increment(ref _checks);
            return Task.FromResult(result);
        });

    [Fact]
    public async Task WithinTheLifetime_TheLastResultIsAnswered_AndAfterItTheCheckRunsAgain()
    {
        var cached = new CachedHealthCheck(Counting(HealthCheckResult.Healthy()), TimeSpan.FromSeconds(2), _time);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => cached.CheckHealthAsync(new HealthCheckContext())));
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        await cached.CheckHealthAsync(new HealthCheckContext());
        var beforeExpiry = _checks;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await cached.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(1, beforeExpiry);
        Assert.Equal(2, _checks);
    }

    [Fact]
    public async Task ALifetimeOfZero_ChecksEveryTime()
    {
        var uncached = new CachedHealthCheck(Counting(HealthCheckResult.Unhealthy()), TimeSpan.Zero, _time);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HealthStatus.Unhealthy, (await uncached.CheckHealthAsync(new HealthCheckContext())).Status);
        }

        Assert.Equal(3, _checks);
    }

    [Fact]
    public async Task TheServiceCachesReady_ByDefault()
    {
        await using var database = new SqliteTestDatabase();
        await database.InitializeAsync();
        await using var service = new ServiceFactory(database);
        using var client = service.CreateClient();

        var first = await client.GetAsync("/health/ready");
        var second = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.IsType<CachedHealthCheck>(service.Services.GetService(typeof(CachedHealthCheck)));
    }
}
