using System.Net;
using Databrain.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace Databrain.IntegrationTests.Http;

/// <summary>
/// The embedded database locked by another process, or damaged: each on a service and database of its own, with a 4-second command timeout and no connection pooling (so that
/// nothing inside the service has to be reset for it to see the file as it is).
/// </summary>
public sealed class SqliteFaultTests : IAsyncLifetime
{
    private const int CommandTimeoutSeconds = 4;
    private const string Internal = """{"data":null,"error":{"code":"INTERNAL_SERVER_ERROR","message":"An unexpected error occurred. It has been logged; please try again later."}}""";

    private readonly SqliteTestDatabase _database = new();
    private ServiceFactory _service = null!;
    private HttpClient _client = null!;
    private TestOrganization _org = null!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _service = new ServiceFactory(_database, settings: new Dictionary<string, string>
        {
            ["ConnectionStrings:Databrain"] = $"{_database.ConnectionString};Pooling=False",
            ["Database:CommandTimeoutSeconds"] = CommandTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Auth:TokenCacheSeconds"] = "0",
        });
        _service.StartServer();
        _client = _service.CreateClient();
        _org = await _service.Services.CreateOrganizationAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Task<ApiResponse> Create(string name) => _client.CreateWorkspaceAsync(_org.Token, new { name, connectionType = "MULTI_DATAMART" });

    /// <summary>Another process in the middle of a write: it holds SQLite's single write lock until it ends.</summary>
    private async Task<SqliteConnection> LockForWritingAsync()
    {
        var holder = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False");
        await holder.OpenAsync();
        await using var command = holder.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE; INSERT INTO Organizations (Name) VALUES ('another process');";
        await command.ExecuteNonQueryAsync();
        return holder;
    }

    [Fact]
    public async Task WriteLockedDatabase_CreateAnswers500WhenTheLockOutlastsTheCommandTimeout_ReadsGoOn_AndWritesResumeWhenReleased()
    {
        Assert.Equal(HttpStatusCode.OK, (await Create("before")).Status);

        var holder = await LockForWritingAsync();
        var create = await Create("during");
        var list = await _client.ListWorkspacesAsync(_org.Token);
        await holder.DisposeAsync();

        Assert.Equal((HttpStatusCode.InternalServerError, Internal), (create.Status, create.Body));
        Assert.Contains(_service.Log.Collector.GetSnapshot(), r => r.Exception is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_BUSY }); // the lock, not another fault
        Assert.Equal(HttpStatusCode.OK, list.Status); // WAL: readers never wait for a writer

        Assert.Equal(HttpStatusCode.OK, (await Create("after")).Status);
        Assert.Equal(["before", "after"], await _client.ListNamesAsync(_org.Token));
    }

    [Fact]
    public async Task DamagedFile_Answers500_AndServesAgainWhenRepaired()
    {
        Assert.Equal(HttpStatusCode.OK, (await Create("before")).Status);
        await using (var checkpoint = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False"))
        {
            await checkpoint.OpenAsync();
            await using var command = checkpoint.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }

        var healthy = await File.ReadAllBytesAsync(_database.FilePath);
        var garbage = new byte[healthy.Length];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(_database.FilePath, garbage);

        var list = await _client.ListWorkspacesAsync(_org.Token);
        var create = await Create("during");

        await File.WriteAllBytesAsync(_database.FilePath, healthy);
        Assert.Equal((HttpStatusCode.InternalServerError, Internal), (list.Status, list.Body));
        Assert.Equal((HttpStatusCode.InternalServerError, Internal), (create.Status, create.Body));
        Assert.Equal(HttpStatusCode.OK, (await Create("after")).Status);
        Assert.Equal(["before", "after"], await _client.ListNamesAsync(_org.Token));
    }
}
