using System.Diagnostics;
using Dapper;
using Databrain.Application.Catalog.ApplySeed;
using Databrain.Application.Common.Security;
using Databrain.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Databrain.IntegrationTests.Support;

/// <summary>
/// The real service (WebApplicationFactory&lt;Program&gt;, the whole pipeline) on one real database for the
/// whole run. Tests isolate themselves by creating their own organization, so they run in parallel.
/// </summary>
public abstract class ApiFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    protected ApiFixture(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public WebApplicationFactory<Program> Factory =>
        _factory ?? throw new InvalidOperationException(Database.SkipReason ?? "The fixture is not initialized.");

    public IServiceProvider Services => Factory.Services;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        if (Database.SkipReason is null)
        {
            _factory = CreateFactory();
            _factory.StartServer(); // now: migrations run at start-up
        }
    }

    /// <summary>Skips the calling test, with the reason, when this provider's database is not available here.</summary>
    /// <remarks>
    /// The full reason, with how to enable these cases, is given once per run by the provider's availability test
    /// (<c>ProviderAvailabilityTests</c>); each case says only where to find it, so that a run without that
    /// database does not repeat it hundreds of times.
    /// </remarks>
    public void SkipIfUnavailable() => Database.SkipIfUnavailable();

    /// <summary>The skip reason of each case of a provider that is not available here.</summary>
    public static string UnavailableHere(DatabaseProvider provider) =>
        $"no {provider} here; why, and how to enable these cases: AvailabilityOn{provider}";

    /// <summary>A factory on the same database with some services replaced (fault injection).</summary>
    public WebApplicationFactory<Program> WithServices(Action<IServiceCollection> configure) =>
        Factory.WithWebHostBuilder(builder => builder.ConfigureServices(configure));

    /// <summary>A client whose requests carry the calling test's trace, so that their log lines reach its output.</summary>
    public HttpClient CreateClient() => Factory.CreateDefaultClient(CreateTraceHandler());

    /// <summary>A handler that makes requests carry the calling test's trace, for clients made elsewhere (the .NET client's).</summary>
    public DelegatingHandler CreateTraceHandler() => new SendsTrace(Log.Follow());

    /// <summary>A new organization with its own token and the standard test catalog (which <paramref name="customize"/> may change).</summary>
    public Task<TestOrganization> CreateOrganizationAsync(Func<SeedOrganization, SeedOrganization>? customize = null) =>
        Services.CreateOrganizationAsync(customize);

    /// <summary>
    /// A new organization whose token has the <c>read</c> scope (as <c>token create --scope read</c> gives), set before
    /// any request used it; with a second, <c>write</c> token of the same organization.
    /// </summary>
    public async Task<(TestOrganization Reader, string WriteToken)> CreateOrganizationWithAReadTokenAsync()
    {
        var writeToken = TestOrganization.CreateUnique().Token;
        var org = await CreateOrganizationAsync(seed => seed with { ServiceTokens = [.. seed.ServiceTokens!, writeToken] });
        Assert.Equal(1, await ExecuteAsync("UPDATE ServiceTokens SET Scope = 'read' WHERE TokenHash = @Hash", new { Hash = ServiceTokenHash.Of(org.Token) }));
        return (org, writeToken);
    }

    /// <summary>Reads the database directly, to check what a request stored.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        var database = Services.GetRequiredService<IDatabase>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    public async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        var database = Services.GetRequiredService<IDatabase>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteAsync(sql, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private WebApplicationFactory<Program> CreateFactory() => new ServiceFactory(Database, Log);

    /// <summary>Every log line the service wrote during the run.</summary>
    public ServiceLog Log { get; } = new();

    private sealed class SendsTrace(ActivityTraceId traceId) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.Headers.Contains("traceparent"))
            {
                request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-00");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>The embedded provider: always available.</summary>
public sealed class SqliteApi() : ApiFixture(new SqliteTestDatabase());

/// <summary>The production provider: a real SQL Server, or every test on it skipped with the reason.</summary>
public sealed class SqlServerApi() : ApiFixture(new SqlServerTestDatabase());

/// <summary>A server database that CI runs: a real PostgreSQL, or every test on it skipped with the reason.</summary>
public sealed class PostgreSqlApi() : ApiFixture(new PostgreSqlTestDatabase());

/// <summary>
/// A database (and service) of one test class alone, for tests that act on the whole database: a purge, a clock
/// moved by a day. Used as a class fixture.
/// </summary>
public sealed class OwnSqliteApi() : ApiFixture(new SqliteTestDatabase());

/// <summary>The same, on SQL Server (or skipped with the reason).</summary>
public sealed class OwnSqlServerApi() : ApiFixture(new SqlServerTestDatabase());

/// <summary>The same, on PostgreSQL (or skipped with the reason).</summary>
public sealed class OwnPostgreSqlApi() : ApiFixture(new PostgreSqlTestDatabase());
