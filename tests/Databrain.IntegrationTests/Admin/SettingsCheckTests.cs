using System.Diagnostics;
using Databrain.Api.Configuration;
using Databrain.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;

namespace Databrain.IntegrationTests.Admin;

/// <summary>A bad setting stops the service and every admin command at once, with one line naming the key, the value and what is allowed.</summary>
public sealed class SettingsCheckTests
{
    private static string? Problem(params (string Key, string Value)[] settings) =>
        SettingsCheck.FindProblem(new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build());

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
    [InlineData("migrate")]
    [InlineData("token", "create", "--organization", "acme")]
    [InlineData]
    public async Task TheServiceAndEveryAdminCommand_StopWithOneLine(params string[] args)
    {
        await using var database = new SqliteTestDatabase();
        await database.InitializeAsync();
        var start = ServiceProcess.StartInfo(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Databrain"] = database.ConnectionString,
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["Database__CommandTimeoutSeconds"] = "0",
            },
            args);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(patience.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal("error: Database:CommandTimeoutSeconds is '0'; it must be a whole number from 1 to 600.", (await stderr).Trim());
        Assert.Empty(await stdout);
    }
}
