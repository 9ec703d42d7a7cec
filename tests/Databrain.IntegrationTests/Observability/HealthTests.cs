using System.Net;
using System.Text.Json;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Observability;

public sealed class HealthTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Get(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task HealthyService_IsLiveAndReady()
    {
        await using var service = new ServiceFactory(_database);
        using var client = service.CreateClient();

        var live = await Get(client, "/health/live");
        var ready = await Get(client, "/health/ready");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.Status, live.Body.GetProperty("status").GetString()));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.Status, ready.Body.GetProperty("status").GetString()));
        Assert.Equal("database", ready.Body.GetProperty("checks")[0].GetProperty("name").GetString());
        Assert.Equal(Databrain.Api.Observability.ServiceVersion.Value, ready.Body.GetProperty("version").GetString());
    }

    [Fact]
    public async Task PendingMigration_IsLiveButNotReady()
    {
        await using (var migrated = new ServiceFactory(_database))
        {
            migrated.StartServer();
        }

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM SchemaVersions WHERE ScriptName LIKE '%0002_CreateWorkspaces.sql'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        await using var service = new ServiceFactory(_database, settings: new Dictionary<string, string> { ["Database:MigrateOnStartup"] = "false" });
        using var client = service.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await Get(client, "/health/live")).Status);
        var ready = await Get(client, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("Unhealthy", ready.Body.GetProperty("status").GetString());
        Assert.Contains("migrations are pending", ready.Body.GetProperty("checks")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableDatabase_IsLiveButNotReady()
    {
        await using var service = new ServiceFactory(_database, settings: new Dictionary<string, string>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Databrain"] = "Server=tcp:127.0.0.1,1;Database=Databrain;User Id=sa;Password=x;Connect Timeout=2",
            ["Database:MigrateOnStartup"] = "false",
        });
        using var client = service.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await Get(client, "/health/live")).Status);
        var ready = await Get(client, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("The database does not answer (SqlException).", ready.Body.GetProperty("checks")[0].GetProperty("description").GetString());
    }
}
