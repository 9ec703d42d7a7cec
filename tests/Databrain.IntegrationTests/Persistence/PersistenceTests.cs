using Databrain.Application.Workspaces.Ports;
using Databrain.Domain.Workspaces;
using Databrain.Infrastructure.Persistence;
using Databrain.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Databrain.IntegrationTests.Persistence;

/// <summary>The Dapper repositories and the migrator, on a real database, without HTTP.</summary>
public abstract class PersistenceTests(ApiFixture api) : IAsyncLifetime
{
    private AsyncServiceScope _scope;

    private T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask InitializeAsync()
    {
        api.SkipIfUnavailable();
        _scope = api.Services.CreateAsyncScope();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<long> OrganizationIdAsync(TestOrganization org) =>
        (await api.QueryAsync<long>("SELECT Id FROM Organizations WHERE Name = @Name", new { org.Name })).Single();

    [Fact]
    public void Migrate_AgainOnACurrentSchema_AppliesNothing()
    {
        var migrator = api.Services.GetRequiredService<DatabaseMigrator>();

        Assert.Empty(migrator.Migrate());
        Assert.False(migrator.IsUpgradeRequired());
    }

    [Fact]
    public async Task Migrate_RecordsEveryScriptInTheJournal()
    {
        var journal = await api.QueryAsync<string>("SELECT ScriptName FROM SchemaVersions ORDER BY ScriptName");

        Assert.Contains(journal, name => name.EndsWith("0001_CreateCatalog.sql", StringComparison.Ordinal));
        Assert.Contains(journal, name => name.EndsWith("0002_CreateWorkspaces.sql", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReferenceLookup_FindsExactNamesOfTheOrganizationOnly()
    {
        var org = await api.CreateOrganizationAsync();
        var other = await api.CreateOrganizationAsync(seed => seed with { Themes = ["only-other"] });
        var organizationId = await OrganizationIdAsync(org);

        var found = await Get<IWorkspaceReferenceLookup>().ResolveAsync(
            organizationId,
            new WorkspaceReferences("nothing-yet", "postgres-main", "Sales-Mart", ["gpt-4o", "llama-3", "GPT-4O", "unknown"], "only-other"),
            CancellationToken.None);

        Assert.Null(found.Workspace);
        Assert.NotNull(found.DatasourceId);
        Assert.Null(found.DatamartId);
        Assert.Equal(["gpt-4o", "llama-3"], found.LlmIds.Keys.Order(StringComparer.Ordinal));
        Assert.Null(found.ThemeId);
        Assert.NotEqual(await OrganizationIdAsync(other), organizationId);
    }

    [Fact]
    public async Task ReferenceLookup_WithNothingToResolve_FindsNothing()
    {
        var org = await api.CreateOrganizationAsync();

        var found = await Get<IWorkspaceReferenceLookup>().ResolveAsync(
            await OrganizationIdAsync(org), new WorkspaceReferences("W", null, null, [], null), CancellationToken.None);

        Assert.Equal(new ResolvedReferences(null, null, null, found.LlmIds, null), found);
        Assert.Empty(found.LlmIds);
    }

    [Fact]
    public async Task TryAdd_SecondWorkspaceOfTheSameName_ReturnsFalse_AndStoresNothingMore()
    {
        var org = await api.CreateOrganizationAsync();
        var organizationId = await OrganizationIdAsync(org);
        var llmId = (await api.QueryAsync<long>("SELECT Id FROM Llms WHERE OrganizationId = @organizationId AND Name = 'gpt-4o'", new { organizationId })).Single();
        var repository = Get<IWorkspaceRepository>();
        Workspace Named(string name) => Workspace.Create(organizationId, name, ConnectionType.MultiDatamart, null, null, WorkspaceAiSettings.Create(null, [llmId], false, null), null);

        Assert.True(await repository.TryAddAsync(Named("Once"), CancellationToken.None));
        Assert.False(await repository.TryAddAsync(Named("Once"), CancellationToken.None));

        Assert.Equal([1L], await api.QueryAsync<long>("SELECT COUNT(*) FROM Workspaces WHERE OrganizationId = @organizationId", new { organizationId }));
        Assert.Equal([1L], await api.QueryAsync<long>(
            "SELECT COUNT(*) FROM WorkspaceCopilotLlms c JOIN Workspaces w ON w.Id = c.WorkspaceId WHERE w.OrganizationId = @organizationId", new { organizationId }));
        Assert.True((await api.QueryAsync<bool>(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM Workspaces WHERE OrganizationId = @organizationId AND Name = 'Once') THEN 1 ELSE 0 END", new { organizationId })).Single());
    }
}

public sealed class PersistenceOnSqlite(SqliteApi api) : PersistenceTests(api)
{
    [Fact]
    public async Task Sqlite_UsesWriteAheadLogging()
    {
        Assert.Equal(["wal"], await api.QueryAsync<string>("PRAGMA journal_mode"));
    }
}

public sealed class PersistenceOnSqlServer(SqlServerApi api) : PersistenceTests(api);

public sealed class PersistenceOnPostgreSql(PostgreSqlApi api) : PersistenceTests(api)
{
    [Fact]
    public async Task EveryTextColumn_ComparesByteForByte_WithTheCCollation()
    {
        var columns = await api.QueryAsync<(string Table, string Column, string? Collation)>(
            """
            SELECT table_name, column_name, collation_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND data_type = 'character varying' AND table_name <> 'schemaversions'
            """);

        Assert.Contains(columns, c => c is ("workspaces", "name", _));
        Assert.All(columns, c => Assert.True(c.Collation == "C", $"{c.Table}.{c.Column} has collation '{c.Collation ?? "(database default)"}'"));
    }

    [Fact]
    public async Task NamesThatDifferInCaseOrATrailingSpace_AreThreeNames_ToTheUniqueIndex()
    {
        var org = await api.CreateOrganizationAsync();

        var added = await api.ExecuteAsync(
            """
            INSERT INTO Workspaces (PublicId, OrganizationId, Name, ConnectionType, IsEnableMetricSuggestions, IsEnableMetricSummary)
            SELECT gen_random_uuid()::text, o.Id, n.Name, 'MULTI_DATAMART', false, false FROM Organizations o, (VALUES ('Sales'), ('sales'), ('Sales ')) n (Name)
            WHERE o.Name = @Name
            """,
            new { org.Name });

        Assert.Equal(3, added);
        Assert.Equal([1L], await api.QueryAsync<long>(
            "SELECT COUNT(*) FROM Workspaces w JOIN Organizations o ON o.Id = w.OrganizationId WHERE o.Name = @Name AND w.Name = 'Sales'", new { org.Name }));
    }
}
