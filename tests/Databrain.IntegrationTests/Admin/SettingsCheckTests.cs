using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Databrain.Api.Configuration;
using Databrain.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;

namespace Databrain.IntegrationTests.Admin;

/// <summary>A bad setting stops the service and every admin command at once, with one line naming the key, the value and what is allowed.</summary>
public sealed class SettingsCheckTests
{
    private const string ConnectionStringKey = "ConnectionStrings:Databrain";

    /// <summary>The problem of these settings, beside a connection string (which appsettings.json gives) unless they set one.</summary>
    private static string? Problem(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { [ConnectionStringKey] = "Data Source=databrain.db" };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        return SettingsCheck.FindProblem(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        { "Database:CommandTimeoutSeconds", "0", "Database:CommandTimeoutSeconds is '0'; it must be a whole number from 1 to 600." },
        { "Database:CommandTimeoutSeconds", "-5", "Database:CommandTimeoutSeconds is '-5'; it must be a whole number from 1 to 600." },
        { "Database:CommandTimeoutSeconds", "thirty", "Database:CommandTimeoutSeconds is 'thirty'; it must be a whole number from 1 to 600." },
        { "Auth:TokenCacheSeconds", "-1", "Auth:TokenCacheSeconds is '-1'; it must be a whole number from 0 to 86400." },
        { "Health:ReadyCacheSeconds", "301", "Health:ReadyCacheSeconds is '301'; it must be a whole number from 0 to 300." },
        { "Idempotency:RetentionHours", "0", "Idempotency:RetentionHours is '0'; it must be a whole number from 1 to 720." },
        { "History:RetentionDays", "0", "History:RetentionDays is '0'; it must be a whole number from 1 to 36500." },
        { "RateLimits:FailedAuthentication:PermitLimit", "0", "RateLimits:FailedAuthentication:PermitLimit is '0'; it must be a whole number from 1 to 100000." },
        { "RateLimits:Organization:Burst", "-1", "RateLimits:Organization:Burst is '-1'; it must be a whole number from 1 to 1000000." },
        { "Database:Provider", "Postgres", "Database:Provider is 'Postgres'; it must be one of Sqlite, SqlServer, PostgreSql." },
        { "OpenApi:Enabled", "yes", "OpenApi:Enabled is 'yes'; it must be one of true, false." },
        { "RateLimits:TrustedProxies:0", "proxy.local", "RateLimits:TrustedProxies:0 is 'proxy.local'; it must be an IP address (such as 10.0.0.5 or ::1)." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void ABadValue_IsNamedWithWhatIsAllowed(string key, string value, string expected) => Assert.Equal(expected, Problem((key, value)));

    [Fact]
    public void TheDefaultsAndTheEdgesOfEachRange_AreFine() =>
        Assert.Null(Problem(
            ("Database:CommandTimeoutSeconds", "600"),
            ("Auth:TokenCacheSeconds", "0"),
            ("Health:ReadyCacheSeconds", "0"),
            ("Database:Provider", "sqlserver"),
            ("RateLimits:TrustedProxies:0", "::1"),
            ("OpenApi:Enabled", "True")));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AnEmptyConnectionString_IsNamed(string value) =>
        Assert.Equal(
            "ConnectionStrings:Databrain is empty; set it to the database's connection string (SQLite: Data Source=path/to/databrain.db).",
            Problem((ConnectionStringKey, value)));

    [Theory]
    [InlineData("migrate")]
    [InlineData("token", "create", "--organization", "acme")]
    [InlineData]
    public async Task TheServiceAndEveryAdminCommand_StopWithOneLine(params string[] args)
    {
        await using var database = new SqliteTestDatabase();
        await database.InitializeAsync();

        var (exitCode, stdout, stderr) = await RunToExit(database.ConnectionString, new() { ["Database__CommandTimeoutSeconds"] = "0" }, args);

        Assert.Equal(1, exitCode);
        Assert.Equal("error: Database:CommandTimeoutSeconds is '0'; it must be a whole number from 1 to 600.", stderr.Trim());
        Assert.Empty(stdout);
    }

    [Theory]
    [InlineData("", "error: ConnectionStrings:Databrain is empty; set it to the database's connection string (SQLite: Data Source=path/to/databrain.db).")]
    [InlineData("garbage", "error: ConnectionStrings:Databrain cannot be read as a Sqlite connection string: Format of the initialization string does not conform to specification starting at index 0.")]
    public async Task AConnectionStringThatCannotBeUsed_StopsTheServiceWithOneLine(string connectionString, string expected)
    {
        var (exitCode, stdout, stderr) = await RunToExit(connectionString, []);

        Assert.Equal(1, exitCode);
        Assert.Equal(expected, stderr.Trim());
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task APortInUse_StopsTheServiceWithOneLineNamingIt()
    {
        await using var database = new SqliteTestDatabase();
        await database.InitializeAsync();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (exitCode, stdout, stderr) = await RunToExit(database.ConnectionString, new() { ["ASPNETCORE_URLS"] = address });

        Assert.Equal(1, exitCode);
        Assert.Equal(
            $"error: Failed to bind to address {address}: address already in use. Stop what listens there, or choose another address (--urls or ASPNETCORE_URLS).",
            stderr.Trim());
        Assert.DoesNotContain("Exception", stdout, StringComparison.Ordinal); // not the host's stack trace as well
    }

    /// <summary>The real binary in Production on this connection string, run until it exits by itself.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExit(string connectionString, Dictionary<string, string> settings, params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Databrain"] = connectionString,
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        using var process = Process.Start(ServiceProcess.StartInfo(environment, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
