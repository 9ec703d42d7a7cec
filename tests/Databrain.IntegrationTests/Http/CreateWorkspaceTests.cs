using System.Net;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

public abstract class CreateWorkspaceTests(ApiFixture api) : ApiTests(api)
{
    public static TheoryData<string, string?, string?> ConnectionTypes => new()
    {
        { "DATASOURCE", "postgres-main", null },
        { "DATAMART", null, "sales-mart" },
        { "MULTI_DATASOURCE", null, null },
        { "MULTI_DATAMART", null, null },
    };

    [Theory]
    [MemberData(nameof(ConnectionTypes))]
    public async Task Create_EachConnectionType_Returns200WithTheName_AndIsListed(string type, string? datasource, string? datamart)
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await Client.CreateWorkspaceAsync(org.Token, new { name = "Sales Analytics", connectionType = type, datasourceName = datasource, datamartName = datamart });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"data":{"name":"Sales Analytics"},"error":null}""", response.Body);
        Assert.Equal("application/json; charset=utf-8", response.Message.Content.Headers.ContentType?.ToString());
        var listed = await Client.ListWorkspacesAsync(org.Token);
        Assert.Equal($$"""{"data":[{"name":"Sales Analytics","connectionType":"{{type}}"}],"error":null}""", listed.Body);
    }

    [Fact]
    public async Task Create_WithEveryAiSetting_StoresTheWorkspaceAndItsCopilotLinks()
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await Client.CreateWorkspaceAsync(org.Token, new
        {
            name = "AI Workspace",
            connectionType = "DATASOURCE",
            datasourceName = "snowflake-dw",
            llmName = "gpt-4o",
            aiCopilotLlms = new[] { "claude-sonnet", "llama-3" },
            isEnableMetricSuggestions = true,
            isEnableMetricSummary = true,
            summaryType = "custom",
            customSummaryPrompt = "Explain the trend to an executive.",
            themeName = "light",
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var stored = Assert.Single(await Api.QueryAsync<(string, string, string, string, string, string, string, string, string)>(
            """
            SELECT w.Name, w.ConnectionType, d.Name, l.Name,
                   CASE WHEN w.IsEnableMetricSuggestions = @On THEN 'on' ELSE 'off' END,
                   CASE WHEN w.IsEnableMetricSummary = @On THEN 'on' ELSE 'off' END,
                   w.SummaryType, w.CustomSummaryPrompt, t.Name
            FROM Workspaces w
            JOIN Organizations o ON o.Id = w.OrganizationId
            JOIN Datasources d ON d.Id = w.DatasourceId
            JOIN Llms l ON l.Id = w.LlmId
            JOIN Themes t ON t.Id = w.ThemeId
            WHERE o.Name = @Name
            """,
            new { org.Name, On = true }));
        Assert.Equal(("AI Workspace", "DATASOURCE", "snowflake-dw", "gpt-4o", "on", "on", "custom", "Explain the trend to an executive.", "light"), stored);
        var copilot = await Api.QueryAsync<string>(
            """
            SELECT l.Name FROM WorkspaceCopilotLlms c
            JOIN Workspaces w ON w.Id = c.WorkspaceId JOIN Organizations o ON o.Id = w.OrganizationId JOIN Llms l ON l.Id = c.LlmId
            WHERE o.Name = @Name ORDER BY l.Name
            """,
            new { org.Name });
        Assert.Equal(["claude-sonnet", "llama-3"], copilot);
    }

    [Fact]
    public async Task Create_NullOptionalFields_MeanTheSameAsAbsent()
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await Client.CreateWorkspaceRawAsync(org.Token, """
            {"name":"N","connectionType":"MULTI_DATASOURCE","datasourceName":null,"datamartName":null,"llmName":null,
             "aiCopilotLlms":null,"isEnableMetricSuggestions":null,"isEnableMetricSummary":null,"summaryType":null,
             "customSummaryPrompt":null,"themeName":null}
            """);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Create_NamesAreExact_CaseMatters()
    {
        var org = await Api.CreateOrganizationAsync();

        Assert.Equal(HttpStatusCode.OK, (await Client.CreateWorkspaceAsync(org.Token, new { name = "Sales", connectionType = "MULTI_DATAMART" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.CreateWorkspaceAsync(org.Token, new { name = "sales", connectionType = "MULTI_DATAMART" })).Status);
        var wrongCase = await Client.CreateWorkspaceAsync(org.Token, new { name = "X", connectionType = "DATASOURCE", datasourceName = "Postgres-Main" });
        Assert.Equal("INVALID_DATASOURCE_NAME", wrongCase.ErrorCode);
        Assert.Equal(["Sales", "sales"], await Client.ListNamesAsync(org.Token));
    }

    [Fact]
    public async Task Create_ExistingName_ReturnsWorkspaceNameAlreadyExists()
    {
        var org = await Api.CreateOrganizationAsync();
        await Client.CreateWorkspaceAsync(org.Token, new { name = "Dup", connectionType = "MULTI_DATAMART" });

        var response = await Client.CreateWorkspaceAsync(org.Token, new { name = "Dup", connectionType = "MULTI_DATASOURCE" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("WORKSPACE_NAME_ALREADY_EXISTS", response.ErrorCode);
        Assert.Equal("A workspace named 'Dup' already exists in this organization.", response.ErrorMessage);
        Assert.False(response.Json.GetProperty("error").TryGetProperty("details", out _));
    }

    public static TheoryData<string, string, string> UnknownReferences => new()
    {
        { """{"name":"W","connectionType":"DATASOURCE","datasourceName":"mysql"}""", "INVALID_DATASOURCE_NAME", "datasourceName 'mysql' names no datasource of this organization." },
        { """{"name":"W","connectionType":"DATAMART","datamartName":"hr-mart"}""", "INVALID_DATAMART_NAME", "datamartName 'hr-mart' names no datamart of this organization." },
        { """{"name":"W","connectionType":"MULTI_DATAMART","llmName":"gpt-5"}""", "INVALID_LLM_NAME", "llmName 'gpt-5' names no LLM of this organization." },
        { """{"name":"W","connectionType":"MULTI_DATAMART","aiCopilotLlms":["gpt-4o","x1","x2"]}""", "INVALID_AI_COPILOT_LLMS", "aiCopilotLlms names LLMs this organization does not have: 'x1', 'x2'." },
        { """{"name":"W","connectionType":"MULTI_DATAMART","themeName":"neon"}""", "INVALID_THEME_NAME", "themeName 'neon' names no theme of this organization." },
    };

    [Theory]
    [MemberData(nameof(UnknownReferences))]
    public async Task Create_UnknownReference_ReturnsItsCode_AndStoresNothing(string body, string code, string message)
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await Client.CreateWorkspaceRawAsync(org.Token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(code, response.ErrorCode);
        Assert.Equal(message, response.ErrorMessage);
        Assert.Empty(await Client.ListNamesAsync(org.Token));
    }

    [Fact]
    public async Task Create_FieldRules_ReportEveryProblemInDetails()
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await Client.CreateWorkspaceAsync(org.Token, new { name = " Sales", connectionType = "DATASOURCE", isEnableMetricSummary = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_REQUEST_BODY", response.ErrorCode);
        Assert.Equal("name must not start or end with white space (and 2 more, listed in details)", response.ErrorMessage);
        Assert.Equal(
            [
                ("name", "must not start or end with white space"),
                ("datasourceName", "is required when connectionType is DATASOURCE"),
                ("summaryType", "is required when isEnableMetricSummary is true"),
            ],
            response.Details);
    }

    [Fact]
    public async Task Create_OneProblem_MessageMatchesTheContractsExample()
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await Client.CreateWorkspaceAsync(org.Token, new { name = "Sales", connectionType = "DATASOURCE" });

        Assert.Equal(
            """{"data":null,"error":{"code":"INVALID_REQUEST_BODY","message":"datasourceName is required when connectionType is DATASOURCE","details":[{"field":"datasourceName","message":"is required when connectionType is DATASOURCE"}]}}""",
            response.Body);
    }
}
