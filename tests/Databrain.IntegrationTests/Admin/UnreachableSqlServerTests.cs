using System.Net;
using System.Net.Sockets;

using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Admin;

/// <summary>
/// migrate, seed and start-up against a SQL Server that cannot be reached fail (they do not hang) with one line
/// naming the server and what to check. Runs here without SQL Server: the "servers" are a closed loopback port,
/// and a loopback listener that accepts connections but never answers. How long the failure takes is the
/// connection settings' business (6 s connect timeout, 3 tries), checked without a clock in
/// <c>UnitTests/SqlServer/ConnectionSettingsTests</c>: a timed assertion would fail on a busy machine.
/// </summary>
public sealed class UnreachableSqlServerTests : IDisposable
{
    private const string Password = "Sup3r-Secret-Pa55";

    private readonly TcpListener _silentServer = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();

    public UnreachableSqlServerTests()
    {
        _silentServer.Start();
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _held.Add(await _silentServer.AcceptTcpClientAsync(_stop.Token));
            }
        });
    }

    public void Dispose()
    {
        _stop.Cancel();
        _silentServer.Stop();
        _held.ForEach(client => client.Dispose());
        _stop.Dispose();
    }

    private static string ConnectionString(int port) =>
        $"Server=tcp:127.0.0.1,{port};Database=Databrain;User Id=sa;Password={Password};TrustServerCertificate=True";

    private int SilentPort => ((IPEndPoint)_silentServer.LocalEndpoint).Port;

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port; // closed again once the probe is disposed
    }

    public static TheoryData<string[]> Commands => new() { new[] { "migrate" }, new[] { "seed", "/dev/null" }, Array.Empty<string>() };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task ClosedPort_FailsFastWithOneClearLine(string[] args) => await AssertFailsClearly(ClosedPort(), args);

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task ServerThatNeverAnswers_FailsWithOneClearLine(string[] args) => await AssertFailsClearly(SilentPort, args);

    private static async Task AssertFailsClearly(int port, string[] args)
    {
        // "seed" needs a valid file to reach the database: write one next to the test.
        if (args is ["seed", _])
        {
            var file = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(file, """{"organizations":[{"name":"acme"}]}""");
            args = ["seed", file];
        }

        var outcome = await ServiceProcess.RunAsync("SqlServer", ConnectionString(port), args);

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: Cannot connect to SQL Server 'tcp:127.0.0.1,{port}' (", line, StringComparison.Ordinal);
        Assert.EndsWith("Check that the server is running and reachable from here, and the server, port and credentials in ConnectionStrings:Databrain.", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, outcome.StandardError + outcome.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
    }
}
