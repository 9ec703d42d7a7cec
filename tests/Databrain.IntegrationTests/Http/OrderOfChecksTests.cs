using System.Net;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

/// <summary>docs/api.md, "POST /api/v2/workspace", "Order of checks": the first failing check answers.</summary>
public abstract class OrderOfChecksTests(ApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task UnreadableBody_IsReportedBeforeAuthentication()
    {
        var response = await Client.CreateWorkspaceRawAsync(token: null, """{"name":"x","unknown":1}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_REQUEST_BODY", response.ErrorCode);
    }

    [Fact]
    public async Task Authentication_IsCheckedBeforeFieldRules()
    {
        var response = await Client.CreateWorkspaceRawAsync("not-a-token", """{"name":" bad","connectionType":"nope"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("INVALID_DATA_APP_API_KEY", response.ErrorCode);
    }

    [Fact]
    public async Task FieldRules_AreCheckedBeforeTheNameExists()
    {
        var org = await Api.CreateOrganizationAsync();
        await Client.CreateWorkspaceAsync(org.Token, new { name = "Taken", connectionType = "MULTI_DATAMART" });

        var response = await Client.CreateWorkspaceAsync(org.Token, new { name = "Taken", connectionType = "DATASOURCE" });

        Assert.Equal("INVALID_REQUEST_BODY", response.ErrorCode);
    }

    [Fact]
    public async Task NameExists_IsCheckedBeforeReferences()
    {
        var org = await Api.CreateOrganizationAsync();
        await Client.CreateWorkspaceAsync(org.Token, new { name = "Taken", connectionType = "MULTI_DATAMART" });

        var response = await Client.CreateWorkspaceAsync(org.Token, new { name = "Taken", connectionType = "DATASOURCE", datasourceName = "nope", llmName = "nope", themeName = "nope" });

        Assert.Equal("WORKSPACE_NAME_ALREADY_EXISTS", response.ErrorCode);
    }

    public static TheoryData<string, string> ReferenceOrder => new()
    {
        { """{"name":"W","connectionType":"DATASOURCE","datasourceName":"?","llmName":"?","aiCopilotLlms":["?"],"themeName":"?"}""", "INVALID_DATASOURCE_NAME" },
        { """{"name":"W","connectionType":"DATAMART","datamartName":"?","llmName":"?","aiCopilotLlms":["?"],"themeName":"?"}""", "INVALID_DATAMART_NAME" },
        { """{"name":"W","connectionType":"DATAMART","datamartName":"sales-mart","llmName":"?","aiCopilotLlms":["?"],"themeName":"?"}""", "INVALID_LLM_NAME" },
        { """{"name":"W","connectionType":"DATAMART","datamartName":"sales-mart","llmName":"gpt-4o","aiCopilotLlms":["?"],"themeName":"?"}""", "INVALID_AI_COPILOT_LLMS" },
        { """{"name":"W","connectionType":"DATAMART","datamartName":"sales-mart","llmName":"gpt-4o","aiCopilotLlms":["gpt-4o"],"themeName":"?"}""", "INVALID_THEME_NAME" },
    };

    [Theory]
    [MemberData(nameof(ReferenceOrder))]
    public async Task References_AreCheckedInContractOrder(string body, string expectedCode)
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await Client.CreateWorkspaceRawAsync(org.Token, body);

        Assert.Equal(expectedCode, response.ErrorCode);
    }
}
