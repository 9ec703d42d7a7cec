using System.Diagnostics.Metrics;
using System.Net;
using Databrain.Application.Common.Behaviors;
using Databrain.Application.Common.Ports;
using Databrain.IntegrationTests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Databrain.IntegrationTests.RateLimiting;

/// <summary>The rate limits of docs/api.md, "Rate limits", over HTTP, each on a service of its own (the shared ones run with the failed-authentication limit off).</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private int _tokenLookups;

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>
    /// A service with the given limits. Windows are long (an hour), so that no test depends on how fast this
    /// machine sends its requests.
    /// </summary>
    private ServiceFactory Service(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string>
        {
            ["RateLimits:FailedAuthentication:Enabled"] = "true",
            ["RateLimits:FailedAuthentication:WindowSeconds"] = "3600",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var service = new ServiceFactory(_database, settings: all);
        service.StartServer();
        return service;
    }

    /// <summary>Counts the token look-ups that reach past the cache (for an unknown token, each is a database query).</summary>
    private HttpClient CountingClient(ServiceFactory service)
    {
        var counted = service.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Decorate<IServiceTokenLookup>(inner => Intercept.Around(inner, (_, call) =>
            {
                Interlocked.Increment(ref _tokenLookups);
                return call();
            }))));
        counted.UseKestrel(0);
        counted.StartServer();
        return counted.CreateClient();
    }

    private static MetricCollector<long> ListenToRateLimits(ServiceFactory service) =>
        new(service.Services.GetRequiredService<IMeterFactory>(), ApplicationTelemetry.MeterName, "databrain.requests.rate_limited");

    private static IEnumerable<string> Reasons(MetricCollector<long> limited) =>
        limited.GetMeasurementSnapshot().SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}"));

    [Fact]
    public async Task After20FailedAuthentications_EveryRequestFromThatAddressGets429_WithoutAskingTheDatabase()
    {
        await using var service = Service();
        using var meters = ListenToRateLimits(service);
        var org = await service.Services.CreateOrganizationAsync();
        using var client = service.CreateClient();

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.ListWorkspacesAsync($"guess-{i}")).Status);
        }

        var guess = await client.ListWorkspacesAsync("guess-21");
        var valid = await client.ListWorkspacesAsync(org.Token);

        Assert.All([guess, valid], r =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, r.Status);
            Assert.Equal("TOO_MANY_REQUESTS", r.ErrorCode);
            Assert.InRange(int.Parse(r.Message.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 3600);
        });
        Assert.Equal(["reason=failed_authentication", "reason=failed_authentication"], Reasons(meters).Order());
    }

    [Fact]
    public async Task OnceLimited_FurtherGuessesDoNotReachTheDatabase()
    {
        await using var service = Service(("RateLimits:FailedAuthentication:PermitLimit", "5"));
        using var client = CountingClient(service);

        for (var i = 0; i < 5; i++)
        {
            await client.ListWorkspacesAsync($"guess-{i}");
        }

        var lookupsWhenLimited = Volatile.Read(ref _tokenLookups);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.ListWorkspacesAsync($"more-{i}")).Status);
        }

        Assert.Equal(5, lookupsWhenLimited);
        Assert.Equal(5, Volatile.Read(ref _tokenLookups));
    }

    [Fact]
    public async Task NewIdempotencyKeysBeyondTheOrganizationsBound_Get429_WhileAStoredKeyStillReplays()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var service = new ServiceFactory(
            _database,
            settings: new Dictionary<string, string> { ["Idempotency:NewKeysPerSecond"] = "1", ["Idempotency:NewKeysBurst"] = "2" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        service.StartServer();
        using var meters = ListenToRateLimits(service);
        var org = await service.Services.CreateOrganizationAsync();
        using var client = service.CreateClient();
        Task<ApiResponse> Create(string name) => client.SendAsync(HttpMethod.Post, org.Token, body: new { name, connectionType = "MULTI_DATAMART" }, headers: ("Idempotency-Key", $"key-{name}"));

        var first = await Create("a");
        var second = await Create("b");
        var third = await Create("c");
        var replay = await Create("a");
        clock.Advance(TimeSpan.FromSeconds(1));
        var later = await Create("c");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, second.Status));
        Assert.Equal((HttpStatusCode.TooManyRequests, "1"), (third.Status, third.Message.Headers.GetValues("Retry-After").Single()));
        Assert.Equal((HttpStatusCode.OK, "true"), (replay.Status, replay.Message.Headers.GetValues("Idempotent-Replayed").Single()));
        Assert.Equal(HttpStatusCode.OK, later.Status);
        Assert.Equal(["reason=idempotency_keys"], Reasons(meters));
    }

    [Fact]
    public async Task SuccessfulRequests_DoNotCountAsFailures()
    {
        await using var service = Service(("RateLimits:FailedAuthentication:PermitLimit", "2"));
        var org = await service.Services.CreateOrganizationAsync();
        using var client = service.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add((await client.ListWorkspacesAsync(org.Token)).Status);
        }

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task BehindATrustedProxy_TheForwardedAddressIsLimited_AndOthersAreNot()
    {
        await using var service = Service(("RateLimits:FailedAuthentication:PermitLimit", "3"), ("RateLimits:TrustedProxies:0", "127.0.0.1"));
        var org = await service.Services.CreateOrganizationAsync();
        using var client = service.CreateClient();
        Task<ApiResponse> From(string address, string token) => client.SendAsync(HttpMethod.Get, token, headers: ("X-Forwarded-For", address));

        for (var i = 0; i < 3; i++)
        {
            await From("203.0.113.7", "guess");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await From("203.0.113.7", org.Token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await From("203.0.113.8", org.Token)).Status);
    }

    [Fact]
    public async Task WithoutTrustedProxies_XForwardedForIsIgnored()
    {
        await using var service = Service(("RateLimits:FailedAuthentication:PermitLimit", "3"));
        using var client = service.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            await client.SendAsync(HttpMethod.Get, "guess", headers: ("X-Forwarded-For", $"203.0.113.{i}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(HttpMethod.Get, "guess", headers: ("X-Forwarded-For", "198.51.100.1"))).Status);
    }

    [Fact]
    public async Task ThePerOrganizationLimit_AnswersOverItsBurst_With429_AndLeavesOtherOrganizationsAlone()
    {
        await using var service = Service(
            ("RateLimits:Organization:Enabled", "true"), ("RateLimits:Organization:RequestsPerSecond", "1"), ("RateLimits:Organization:Burst", "3"));
        using var meters = ListenToRateLimits(service);
        var busy = await service.Services.CreateOrganizationAsync();
        var quiet = await service.Services.CreateOrganizationAsync();
        using var client = service.CreateClient();

        // 40 requests at once against a bucket of 3 that refills one a second: most must be refused.
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.ListWorkspacesAsync(busy.Token)));
        var other = await client.ListWorkspacesAsync(quiet.Token);

        Assert.Contains(answers, a => a.Status == HttpStatusCode.OK);
        var limited = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToArray();
        Assert.True(limited.Length >= 20, $"{limited.Length} of 40 limited");
        Assert.All(limited, a => Assert.True(a.Message.Headers.Contains("Retry-After")));
        Assert.All(answers, a => Assert.Contains(a.Status, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Contains("reason=organization", Reasons(meters));
    }
}
