using System.Net;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

/// <summary>A token grants its organization and nothing else: no lookup, list or uniqueness check crosses over.</summary>
public abstract class TenantIsolationTests(ApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task AnotherOrganizationsCatalog_CannotBeReferenced()
    {
        var owner = await Api.CreateOrganizationAsync(seed => seed with
        {
            Datasources = ["owner-ds"],
            Datamarts = ["owner-mart"],
            Llms = ["owner-llm"],
            Themes = ["owner-theme"],
        });
        var other = await Api.CreateOrganizationAsync();

        Assert.Equal("INVALID_DATASOURCE_NAME", (await Client.CreateWorkspaceAsync(other.Token, new { name = "W", connectionType = "DATASOURCE", datasourceName = "owner-ds" })).ErrorCode);
        Assert.Equal("INVALID_DATAMART_NAME", (await Client.CreateWorkspaceAsync(other.Token, new { name = "W", connectionType = "DATAMART", datamartName = "owner-mart" })).ErrorCode);
        Assert.Equal("INVALID_LLM_NAME", (await Client.CreateWorkspaceAsync(other.Token, new { name = "W", connectionType = "MULTI_DATAMART", llmName = "owner-llm" })).ErrorCode);
        Assert.Equal("INVALID_AI_COPILOT_LLMS", (await Client.CreateWorkspaceAsync(other.Token, new { name = "W", connectionType = "MULTI_DATAMART", aiCopilotLlms = new[] { "owner-llm" } })).ErrorCode);
        Assert.Equal("INVALID_THEME_NAME", (await Client.CreateWorkspaceAsync(other.Token, new { name = "W", connectionType = "MULTI_DATAMART", themeName = "owner-theme" })).ErrorCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.CreateWorkspaceAsync(owner.Token, new { name = "W", connectionType = "DATASOURCE", datasourceName = "owner-ds", llmName = "owner-llm", themeName = "owner-theme" })).Status);
    }

    [Fact]
    public async Task TheSameName_CanExistInTwoOrganizations_AndEachListsOnlyItsOwn()
    {
        var first = await Api.CreateOrganizationAsync();
        var second = await Api.CreateOrganizationAsync();

        Assert.Equal(HttpStatusCode.OK, (await Client.CreateWorkspaceAsync(first.Token, new { name = "Shared", connectionType = "MULTI_DATAMART" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.CreateWorkspaceAsync(second.Token, new { name = "Shared", connectionType = "MULTI_DATASOURCE" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.CreateWorkspaceAsync(first.Token, new { name = "First only", connectionType = "MULTI_DATAMART" })).Status);

        Assert.Equal(["Shared", "First only"], await Client.ListNamesAsync(first.Token));
        Assert.Equal(["Shared"], await Client.ListNamesAsync(second.Token));
    }

    [Fact]
    public async Task References_ResolveToTheCallersOwnCatalogRows()
    {
        var first = await Api.CreateOrganizationAsync();
        var second = await Api.CreateOrganizationAsync();

        await Client.CreateWorkspaceAsync(second.Token, new { name = "W", connectionType = "DATASOURCE", datasourceName = "postgres-main", aiCopilotLlms = new[] { "gpt-4o" } });

        var crossLinks = await Api.QueryAsync<long>(
            """
            SELECT COUNT(*) FROM Workspaces w
            JOIN Organizations o ON o.Id = w.OrganizationId
            LEFT JOIN Datasources d ON d.Id = w.DatasourceId
            LEFT JOIN WorkspaceCopilotLlms c ON c.WorkspaceId = w.Id
            LEFT JOIN Llms l ON l.Id = c.LlmId
            WHERE o.Name = @Name AND (d.OrganizationId <> w.OrganizationId OR l.OrganizationId <> w.OrganizationId)
            """,
            new { second.Name });
        Assert.Equal(0, Assert.Single(crossLinks));
        Assert.Empty(await Client.ListNamesAsync(first.Token));
    }
}
