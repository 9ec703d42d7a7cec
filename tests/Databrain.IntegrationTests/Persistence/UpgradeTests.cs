using System.Net;
using Databrain.Infrastructure.Persistence;
using Databrain.IntegrationTests.Support;
using DbUp;
using Microsoft.Data.Sqlite;

namespace Databrain.IntegrationTests.Persistence;

/// <summary>
/// A database made by an earlier release, holding workspaces, is upgraded by the service's own start-up
/// migration and reads back whole: version 1, timestamps, every setting and Copilot LLM.
/// </summary>
public sealed class UpgradeTests : IAsyncLifetime
{
    /// <summary>The last migration of the release before versions (ETag) existed.</summary>
    private const string LastScriptBeforeVersions = "0003_";

    private readonly SqliteTestDatabase _database = new();

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task ADatabaseOfTheReleaseBeforeVersions_IsUpgraded_AndEveryWorkspaceReadsBackWithVersionOne()
    {
        var upgrade = DeployChanges.To.SqliteDatabase(_database.ConnectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name =>
                name.Contains(".Migrations.Sqlite.", StringComparison.Ordinal)
                && string.CompareOrdinal(name[(name.IndexOf(".Migrations.Sqlite.", StringComparison.Ordinal) + 19)..], LastScriptBeforeVersions + "~") < 0)
            .Build()
            .PerformUpgrade();
        Assert.True(upgrade.Successful, upgrade.Error?.Message);
        Assert.Equal(3, upgrade.Scripts.Count());

        await using (var seeding = new ServiceFactory(_database, settings: new Dictionary<string, string> { ["Database:MigrateOnStartup"] = "false" }))
        {
            // Catalog rows only: the admin seed writes no workspace table, so it works on the old schema.
            await seeding.Services.CreateOrganizationAsync(seed => seed with { Name = "legacy", ServiceTokens = ["dbn_legacy_token_0123456789abcdef"] });
        }

        // Workspaces as the earlier release's create wrote them (its INSERT, without Version or Position).
        await using (var connection = new SqliteConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO Workspaces (OrganizationId, Name, ConnectionType, DatasourceId, DatamartId, LlmId,
                    IsEnableMetricSuggestions, IsEnableMetricSummary, SummaryType, CustomSummaryPrompt, ThemeId)
                SELECT o.Id, 'Old', 'DATASOURCE', d.Id, NULL, l.Id, 1, 1, 'custom', 'Weekly', t.Id
                FROM Organizations o
                JOIN Datasources d ON d.OrganizationId = o.Id AND d.Name = 'postgres-main'
                JOIN Llms l ON l.OrganizationId = o.Id AND l.Name = 'gpt-4o'
                JOIN Themes t ON t.OrganizationId = o.Id AND t.Name = 'dark'
                WHERE o.Name = 'legacy';
                INSERT INTO WorkspaceCopilotLlms (WorkspaceId, LlmId)
                SELECT w.Id, l.Id FROM Workspaces w JOIN Llms l ON l.OrganizationId = w.OrganizationId
                WHERE w.Name = 'Old' AND l.Name IN ('gpt-4o', 'claude-sonnet');
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using var service = new ServiceFactory(_database);
        service.StartServer();
        using var client = service.CreateClient();
        var read = await client.SendAsync(HttpMethod.Get, "dbn_legacy_token_0123456789abcdef", "?name=Old");

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("\"1\"", read.ETag());
        var data = read.Data;
        Assert.Equal(1, data.GetProperty("version").GetInt64());
        Assert.Equal("postgres-main", data.GetProperty("datasourceName").GetString());
        Assert.Equal("Weekly", data.GetProperty("customSummaryPrompt").GetString());
        Assert.Equal(2, data.GetProperty("aiCopilotLlms").GetArrayLength());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", data.GetProperty("createdAt").GetString());
        Assert.Equal(data.GetProperty("createdAt").GetString(), data.GetProperty("updatedAt").GetString());

        var updated = await client.SendAsync(HttpMethod.Put, "dbn_legacy_token_0123456789abcdef", body: new { name = "Old", connectionType = "MULTI_DATASOURCE" }, headers: ("If-Match", "\"1\""));
        Assert.Equal("\"2\"", updated.ETag());
    }
}
