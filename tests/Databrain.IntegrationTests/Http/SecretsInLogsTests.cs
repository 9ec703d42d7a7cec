using System.Net;
using Databrain.Application.Workspaces.ListWorkspaces;
using Databrain.Application.Workspaces.Ports;
using Databrain.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Databrain.IntegrationTests.Http;

/// <summary>
/// Tokens and request bodies never reach the logs: a full run of the service, at the most verbose log
/// level, through success, every kind of rejection and an unexpected fault, with every line searched.
/// </summary>
public sealed class SecretsInLogsTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private ServiceFactory _service = null!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _service = new ServiceFactory(_database, settings: new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace" });
        _service.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AFullRun_LogsNoTokenAndNoRequestBody()
    {
        var org = await _service.Services.CreateOrganizationAsync();

        const string BodySecret = "body-secret-7f3a";
        const string WrongToken = "dbn_live_wrong_token_9c2e4d";
        using var client = _service.CreateClient();
        await using var faulty = _service.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddScoped(_ => Intercept.Failing<IWorkspaceQueries>(new InvalidOperationException($"{ThrowingQueries} failed on purpose")))));
        using var faultyClient = faulty.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.CreateWorkspaceAsync(org.Token, new { name = BodySecret, connectionType = "DATASOURCE", datasourceName = "postgres-main" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.CreateWorkspaceAsync(org.Token, new { name = BodySecret, connectionType = "DATASOURCE", datasourceName = "postgres-main" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.CreateWorkspaceRawAsync(org.Token, $$"""{"name":"{{BodySecret}}","oops":1}""")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.CreateWorkspaceAsync(org.Token, new { name = $" {BodySecret}", connectionType = "DATASOURCE" })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.CreateWorkspaceAsync(WrongToken, new { name = BodySecret, connectionType = "MULTI_DATAMART" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.ListWorkspacesAsync(org.Token, "?isPagination=true")).Status);
        Assert.Equal(HttpStatusCode.InternalServerError, (await faultyClient.ListWorkspacesAsync(org.Token)).Status);

        var lines = _service.Log.Lines;
        Assert.Contains(lines, m => m.Contains("Request starting HTTP/1.1 POST", StringComparison.Ordinal)); // verbose logging was on
        Assert.Contains(lines, m => m.Contains(ThrowingQueries, StringComparison.Ordinal)); // the fault itself is logged
        foreach (var secret in new[] { org.Token, WrongToken, BodySecret })
        {
            Assert.DoesNotContain(lines, m => m.Contains(secret, StringComparison.Ordinal));
        }
    }

    private const string ThrowingQueries = "ThrowingQueries";
}
