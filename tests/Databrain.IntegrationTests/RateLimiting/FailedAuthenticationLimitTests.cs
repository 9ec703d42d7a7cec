using System.Net;
using Databrain.Api.RateLimiting;
using Databrain.Application.Common.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Databrain.IntegrationTests.RateLimiting;

/// <summary>
/// What one instance keeps of the failed-authentication limit: only the address groups over the limit, and a bounded
/// number of those, however many addresses fail; and the grouping of addresses (IPv4 alone, IPv6 by its /64).
/// </summary>
public sealed class FailedAuthenticationLimitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly FailedAuthenticationLocks _locks;
    private readonly IOptions<RateLimitOptions> _options = Options.Create(new RateLimitOptions());

    public FailedAuthenticationLimitTests() => _locks = new FailedAuthenticationLocks(_time);

    /// <summary>Failures from <paramref name="addresses"/> addresses, each counted as <paramref name="failuresEach"/> by the database.</summary>
    private async Task FailFromAsync(int addresses, int failuresEach)
    {
        using var meters = new TestMeterFactory();
        using var limiters = new RateLimiters(_options, meters);
        await using var services = new ServiceCollection()
            .AddSingleton<IFailedAuthenticationCounter>(new FixedCount(failuresEach, Now.AddSeconds(10)))
            .BuildServiceProvider();
        var http = new HttpContextAccessor();
        var failures = new AuthenticationFailures(http, _locks, limiters, _options, _time);
        for (var i = 0; i < addresses; i++)
        {
            http.HttpContext = new DefaultHttpContext
            {
                RequestServices = services,
                Connection = { RemoteIpAddress = new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]) },
            };
            await failures.RecordAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task SixtyThousandAddressesUnderTheLimit_LeaveNothingInMemory()
    {
        await FailFromAsync(60_000, failuresEach: 1);

        Assert.Equal(0, _locks.Count);
    }

    [Fact]
    public async Task SixtyThousandAddressesOverTheLimit_KeepAtMostTheCapacity()
    {
        await FailFromAsync(60_000, failuresEach: 21);

        Assert.InRange(_locks.Count, 1, FailedAuthenticationLocks.Capacity);
    }

    [Fact]
    public void ALockEnds_WithItsWindow()
    {
        _locks.Lock("203.0.113.7", Now.AddSeconds(10));
        Assert.True(_locks.IsLocked("203.0.113.7", out var remaining));
        Assert.Equal(TimeSpan.FromSeconds(10), remaining);

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.False(_locks.IsLocked("203.0.113.7", out _));
        Assert.Equal(0, _locks.Count);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("::1", "::/64")]
    public void Addresses_AreGroupedByIPv4AddressAndIPv6Prefix(string address, string group) =>
        Assert.Equal(group, ClientAddress.GroupOf(IPAddress.Parse(address)));

    private sealed class FixedCount(int failures, DateTimeOffset windowEnds) : IFailedAuthenticationCounter
    {
        public Task<(int Failures, DateTimeOffset WindowEnds)> CountAsync(string addressGroup, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken) =>
            Task.FromResult((failures, windowEnds));
    }

    private sealed class TestMeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        private readonly List<System.Diagnostics.Metrics.Meter> _meters = [];

        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options)
        {
            var meter = new System.Diagnostics.Metrics.Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
