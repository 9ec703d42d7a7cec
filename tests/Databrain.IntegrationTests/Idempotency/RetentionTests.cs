using System.Net;
using Databrain.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Databrain.IntegrationTests.Idempotency;

/// <summary>
/// Keys are remembered for Idempotency:RetentionHours, then new again, and purged by the service: on each
/// provider, through a service whose clock the test moves (no waiting), on a database of this class alone.
/// </summary>
public abstract class RetentionTests(ApiFixture api) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
    private ServiceFactory? _service;

    private ServiceFactory Service => _service ?? throw new InvalidOperationException("No service: this provider is not available here.");

    public ValueTask InitializeAsync()
    {
        if (api.Database.SkipReason is null)
        {
            _service = new ServiceFactory(
                api.Database,
                settings: new Dictionary<string, string> { ["Idempotency:RetentionHours"] = "24" },
                services: services => services.AddSingleton<TimeProvider>(_time));
            _service.StartServer();
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task<long> KeysOfAsync(TestOrganization org) =>
        (await api.QueryAsync<long>(
            "SELECT COUNT(*) FROM IdempotencyKeys k JOIN Organizations o ON o.Id = k.OrganizationId WHERE o.Name = @Name", new { org.Name })).Single();

    [Fact]
    public async Task AKey_IsReplayedWithinItsRetention_ThenIsNewAgain()
    {
        api.SkipIfUnavailable();
        var org = await Service.Services.CreateOrganizationAsync();
        using var client = Service.CreateClient();
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
    public async Task ThePurger_RunsByItself_WhenItsIntervalPasses()
    {
        api.SkipIfUnavailable();
        var org = await Service.Services.CreateOrganizationAsync();
        using var client = Service.CreateClient();
        await client.SendAsync(HttpMethod.Post, org.Token, body: new { name = "Soon gone", connectionType = "MULTI_DATAMART" }, headers: ("Idempotency-Key", "soon-gone"));

        _time.Advance(TimeSpan.FromHours(25)); // past the retention, and past the purger's interval

        // The purge runs on the host's own task once the fake clock fires its timer: observe its effect.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await KeysOfAsync(org) > 0)
        {
            await Task.Delay(50, patience.Token);
        }

        Assert.Equal(0, await KeysOfAsync(org));
    }
}
