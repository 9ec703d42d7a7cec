using System.Net;
using Dapper;
using Databrain.Application.Common.Security;
using Databrain.Infrastructure.Persistence;
using Databrain.IntegrationTests.Support;
using DbUp;
using DbUp.Builder;

namespace Databrain.IntegrationTests.Persistence;

/// <summary>
/// A database made by an earlier release, holding workspaces and a token, is upgraded by the service's own start-up
/// migration and reads back whole: version 1, timestamps, every setting and Copilot LLM, a public id of its own;
/// every workspace and Copilot LLM link survives; the token still writes. Each provider's run has a database of its own.
/// </summary>
public abstract class UpgradeTests(TestDatabase database) : OwnDatabaseTests(database)
{
    /// <summary>The last migration of the release before versions (ETag) existed.</summary>
    private const string LastScriptBeforeVersions = "0003_";

    private const string LegacyToken = "dbn_legacy_token_0123456789abcdef";


    /// <summary>DbUp on the provider's database, with its scripts up to and including <see cref="LastScriptBeforeVersions"/>.</summary>
    private UpgradeEngineBuilder TheReleaseBeforeVersions()
    {
        var connectionString = Database.ConnectionString!;
        var folder = $".Migrations.{Database.Provider}.";
        if (Database.Provider == DatabaseProvider.PostgreSql)
        {
            EnsureDatabase.For.PostgresqlDatabase(connectionString);
        }

        var target = Database.Provider == DatabaseProvider.PostgreSql
            ? DeployChanges.To.PostgresqlDatabase(connectionString)
            : DeployChanges.To.SqliteDatabase(connectionString);
        return target.WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name =>
            name.Contains(folder, StringComparison.Ordinal)
            && string.CompareOrdinal(name[(name.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..], LastScriptBeforeVersions + "~") < 0);
    }

    [Fact]
    public async Task ADatabaseOfTheReleaseBeforeVersions_IsUpgraded_AndEveryWorkspaceReadsBackWithVersionOne()
    {
        var upgrade = TheReleaseBeforeVersions().Build().PerformUpgrade();
        Assert.True(upgrade.Successful, upgrade.Error?.Message);
        Assert.Equal(3, upgrade.Scripts.Count());

        // The catalog and a token as the earlier release's seed wrote them: a token without id, label, scope or expiry.
        await using (var connection = Database.CreateConnection())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO Organizations (Name) VALUES ('legacy');
                INSERT INTO ServiceTokens (OrganizationId, TokenHash) SELECT Id, @TokenHash FROM Organizations WHERE Name = 'legacy';
                INSERT INTO Datasources (OrganizationId, Name) SELECT Id, 'postgres-main' FROM Organizations WHERE Name = 'legacy';
                INSERT INTO Llms (OrganizationId, Name) SELECT Id, 'gpt-4o' FROM Organizations WHERE Name = 'legacy';
                INSERT INTO Llms (OrganizationId, Name) SELECT Id, 'claude-sonnet' FROM Organizations WHERE Name = 'legacy';
                INSERT INTO Themes (OrganizationId, Name) SELECT Id, 'dark' FROM Organizations WHERE Name = 'legacy';
                """,
                new { TokenHash = ServiceTokenHash.Of(LegacyToken) });
        }

        // Workspaces as the earlier release's create wrote them (its INSERT, without Version or Position).
        await using (var connection = Database.CreateConnection())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO Workspaces (OrganizationId, Name, ConnectionType, DatasourceId, DatamartId, LlmId,
                    IsEnableMetricSuggestions, IsEnableMetricSummary, SummaryType, CustomSummaryPrompt, ThemeId)
                SELECT o.Id, 'Old', 'DATASOURCE', d.Id, NULL, l.Id, @On, @On, 'custom', 'Weekly', t.Id
                FROM Organizations o
                JOIN Datasources d ON d.OrganizationId = o.Id AND d.Name = 'postgres-main'
                JOIN Llms l ON l.OrganizationId = o.Id AND l.Name = 'gpt-4o'
                JOIN Themes t ON t.OrganizationId = o.Id AND t.Name = 'dark'
                WHERE o.Name = 'legacy';
                INSERT INTO Workspaces (OrganizationId, Name, ConnectionType, IsEnableMetricSuggestions, IsEnableMetricSummary)
                SELECT o.Id, n.Name, 'MULTI_DATAMART', @On, @On
                FROM Organizations o
                JOIN (SELECT 'Old 1' AS Name UNION ALL SELECT 'Old 2' UNION ALL SELECT 'Old 3' UNION ALL SELECT 'Old 4') n ON 1 = 1
                WHERE o.Name = 'legacy';
                INSERT INTO WorkspaceCopilotLlms (WorkspaceId, LlmId)
                SELECT w.Id, l.Id FROM Workspaces w JOIN Llms l ON l.OrganizationId = w.OrganizationId
                WHERE l.Name IN ('gpt-4o', 'claude-sonnet');
                """,
                new { On = true });
        }

        var before = await StoredAsync();
        Assert.Equal((5, 10), (before.Workspaces.Length, before.Links.Length));

        await using var service = new ServiceFactory(Database);
        service.StartServer();
        using var client = service.CreateClient();
        var read = await client.SendAsync(HttpMethod.Get, LegacyToken, "?name=Old");

        Assert.Equal(HttpStatusCode.OK, read.Status);
        var after = await StoredAsync();
        Assert.Equal(before.Workspaces, after.Workspaces);
        Assert.Equal(before.Links, after.Links);
        var publicIds = await QueryAsync<string>("SELECT PublicId FROM Workspaces");
        Assert.All(publicIds, id => Assert.Equal(id, Guid.ParseExact(id, "D").ToString()));
        Assert.Equal(5, publicIds.Distinct().Count());
        var data = read.Data;
        Assert.Contains(data.GetProperty("id").GetString(), publicIds);
        Assert.Equal(1, data.GetProperty("version").GetInt64());
        Assert.Equal("postgres-main", data.GetProperty("datasourceName").GetString());
        Assert.Equal("Weekly", data.GetProperty("customSummaryPrompt").GetString());
        Assert.Equal(2, data.GetProperty("aiCopilotLlms").GetArrayLength());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", data.GetProperty("createdAt").GetString());
        Assert.Equal(data.GetProperty("createdAt").GetString(), data.GetProperty("updatedAt").GetString());

        // The bare "1" that the earlier release gave as the ETag names no version now; the new tag does. The token
        // issued before scopes existed writes: it reads as a write token without expiry, and has an id now.
        var body = new { name = "Old", connectionType = "MULTI_DATASOURCE" };
        var earlierTag = await client.SendAsync(HttpMethod.Put, LegacyToken, body: body, headers: ("If-Match", "\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, earlierTag.Status);
        var updated = await client.SendAsync(HttpMethod.Put, LegacyToken, body: body, headers: ("If-Match", read.ETag()!));
        Assert.Equal(2, updated.Data.GetProperty("version").GetInt64());
        await using var check = Database.CreateConnection();
        var token = await check.QuerySingleAsync<(string PublicId, string Scope, long? ExpiresAtUnixMs)>("SELECT PublicId, Scope, ExpiresAtUnixMs FROM ServiceTokens");
        Assert.Matches("^tok_[0-9a-f]{32}$", token.PublicId);
        Assert.Equal(("write", (long?)null), (token.Scope, token.ExpiresAtUnixMs));
        if (Database.Provider == DatabaseProvider.Sqlite)
        {
            // The earlier release's file had no incremental vacuum; the upgrade turns it on (2: INCREMENTAL).
            Assert.Equal(2, await check.ExecuteScalarAsync<long>("PRAGMA auto_vacuum"));
        }
    }

    private async Task<(string[] Workspaces, string[] Links)> StoredAsync() => (
        (await QueryAsync<string>("SELECT Name FROM Workspaces")).Order(StringComparer.Ordinal).ToArray(),
        (await QueryAsync<string>("SELECT w.Name || '/' || l.Name FROM WorkspaceCopilotLlms c JOIN Workspaces w ON w.Id = c.WorkspaceId JOIN Llms l ON l.Id = c.LlmId"))
            .Order(StringComparer.Ordinal).ToArray());

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var connection = Database.CreateConnection();
        return (await connection.QueryAsync<T>(sql)).AsList();
    }
}

public sealed class UpgradeOnSqlite() : UpgradeTests(new SqliteTestDatabase());

public sealed class UpgradeOnPostgreSql() : UpgradeTests(new PostgreSqlTestDatabase());
