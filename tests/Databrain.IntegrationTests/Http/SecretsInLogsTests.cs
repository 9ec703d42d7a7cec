using System.Net;
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

/// <summary>
/// Malformed header lines that carry a token (no colon; a leading space) at the most verbose log level, on a real
/// process writing its console: Kestrel's own report of them quotes the line, and it must reach no log.
/// </summary>
public sealed class MalformedHeaderLogTests : IAsyncLifetime
{
    private const string Token = "dbn_live_secret_malformed_0123456789abcdef";

    private readonly SqliteTestDatabase _database = new();

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Theory]
    [InlineData("json")]
    [InlineData("simple")]
    public async Task AtTrace_AMalformedHeaderLine_IsLoggedWithoutItsValue(string format)
    {
        await using var instance = ServiceInstance.Start(_database, new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = format,
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
            ["Logging__LogLevel__Microsoft.AspNetCore.Server.Kestrel.BadRequests"] = "Trace",
        });
        await instance.WaitUntilAsync();

        var noColon = await RawHttp.SendAsync(instance.BaseAddress, $"GET /api/v2/workspace HTTP/1.1\r\nAuthorization Bearer {Token}", []);
        var leadingSpace = await RawHttp.SendAsync(instance.BaseAddress, $"GET /api/v2/workspace HTTP/1.1\r\n Authorization: Bearer {Token}", []);

        Assert.Equal((400, 400), (noColon.Status, leadingSpace.Status));
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (instance.Output.Split("answered 400 by the server itself").Length < 3)
        {
            await Task.Delay(50, patience.Token); // our own line for each, written at most 100 ms after it is logged
        }

        Assert.DoesNotContain(Token, instance.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret_malformed", instance.Output, StringComparison.Ordinal);
    }
}
