using System.Net;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Instances;

/// <summary>
/// SIGTERM on a real service process (docs/operations.md, "Stopping"): it reports not ready while it still serves,
/// for its drain time, then exits 0. The drain is long (30 s) so that the requests the test sends during it are
/// served however busy the machine is; the test asserts no time.
/// </summary>
public sealed class GracefulStopTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task OnSigterm_ItReportsNotReady_WhileItStillServes_ThenExitsZero()
    {
        var file = Path.Combine(Path.GetTempPath(), $"databrain-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"organizations":[{"name":"stopping","serviceTokens":["dbn_stopping_0123456789abcdef"]}]}""");
        var seeded = await ServiceProcess.RunAsync("Sqlite", _database.ConnectionString, "seed", file);
        Assert.True(seeded.ExitCode == 0, seeded.StandardError);
        File.Delete(file);
        await using var instance = ServiceInstance.Start(_database, new Dictionary<string, string> { ["Shutdown__DrainSeconds"] = "30" });
        await instance.WaitUntilAsync();
        using var client = new HttpClient { BaseAddress = instance.BaseAddress };

        instance.Terminate();
        using (var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            while ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative), patience.Token)).StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                await Task.Delay(50, patience.Token);
            }
        }

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var created = await client.CreateWorkspaceAsync("dbn_stopping_0123456789abcdef", new { name = "During the drain", connectionType = "MULTI_DATAMART" });
        await instance.WaitForExitAsync();

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.True(instance.ExitCode == 0, $"exit code {instance.ExitCode}:\n{instance.Output}");
    }
}
