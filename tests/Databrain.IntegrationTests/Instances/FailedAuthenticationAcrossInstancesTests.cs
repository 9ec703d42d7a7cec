using System.Net;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Instances;

/// <summary>Three instances whose failed-authentication window is an hour, so that no test depends on how fast this machine sends.</summary>
public sealed class InstancesWithAnHourWindow<TDatabase> : SeveralInstances<TDatabase>
    where TDatabase : TestDatabase, new()
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Database__MigrateOnStartup"] = "false",
        ["RateLimits__FailedAuthentication__PermitLimit"] = "20",
        ["RateLimits__FailedAuthentication__WindowSeconds"] = "3600",
    };
}

/// <summary>
/// The failed-authentication limit holds across instances (docs/api.md, "Rate limits"): the failures of one address
/// are counted in the database, so 20 of them spread over three instances lock the address on all three.
/// </summary>
public abstract class FailedAuthenticationAcrossInstancesTests<TDatabase>(InstancesWithAnHourWindow<TDatabase> service) : InstancesTests<TDatabase>(service)
    where TDatabase : TestDatabase, new()
{

    [Fact]
    public async Task TwentyFailuresSpreadOverThreeInstances_LockTheAddressOnEveryOne()
    {
        var org = await Service.CreateOrganizationAsync();
        Assert.All(await Task.WhenAll(Clients.Select(c => c.ListWorkspacesAsync(org.Token))), r => Assert.Equal(HttpStatusCode.OK, r.Status));

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Instance(i).ListWorkspacesAsync($"guess-{i}")).Status);
        }

        // The next failed authentication on any instance, then anything from the address there.
        foreach (var client in Clients)
        {
            var guess = await client.ListWorkspacesAsync("guess-more");
            var valid = await client.ListWorkspacesAsync(org.Token);
            Assert.All([guess, valid], r =>
            {
                Assert.Equal((HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS"), (r.Status, r.ErrorCode));
                Assert.InRange(int.Parse(r.Message.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 3600);
            });
        }
    }
}

public sealed class FailedAuthenticationAcrossInstancesOnSqlite(InstancesWithAnHourWindow<SqliteTestDatabase> service)
    : FailedAuthenticationAcrossInstancesTests<SqliteTestDatabase>(service), IClassFixture<InstancesWithAnHourWindow<SqliteTestDatabase>>;

public sealed class FailedAuthenticationAcrossInstancesOnPostgreSql(InstancesWithAnHourWindow<PostgreSqlTestDatabase> service)
    : FailedAuthenticationAcrossInstancesTests<PostgreSqlTestDatabase>(service), IClassFixture<InstancesWithAnHourWindow<PostgreSqlTestDatabase>>;
