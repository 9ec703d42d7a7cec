using System.Net;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

public abstract class DeleteWorkspaceTests(ApiFixture api) : ApiTests(api)
{
    private async Task<ApiResponse> Delete(string? token, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, ApiCalls.Route + query);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }

        return await ApiResponse.ReadAsync(await Client.SendAsync(request));
    }

    [Fact]
    public async Task Delete_ExistingWorkspace_RemovesItAndItsLinks_AndTheNameCanBeUsedAgain()
    {
        var org = await Api.CreateOrganizationAsync();
        await Client.CreateWorkspaceAsync(org.Token, new { name = "Sales Analytics", connectionType = "MULTI_DATAMART", aiCopilotLlms = new[] { "gpt-4o", "llama-3" } });
        await Client.CreateWorkspaceAsync(org.Token, new { name = "Keep", connectionType = "MULTI_DATAMART", aiCopilotLlms = new[] { "gpt-4o" } });
        var (id, publicId) = (await Api.QueryAsync<(long, string)>("SELECT w.Id, w.PublicId FROM Workspaces w JOIN Organizations o ON o.Id = w.OrganizationId WHERE o.Name = @Name AND w.Name = 'Sales Analytics'", new { org.Name })).Single();

        var response = await Delete(org.Token, "?name=Sales%20Analytics");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal($$"""{"data":{"id":"{{publicId}}","name":"Sales Analytics","message":"Workspace deleted successfully"},"error":null}""", response.Body);
        Assert.Equal(["Keep"], await Client.ListNamesAsync(org.Token));
        Assert.Equal([0L], await Api.QueryAsync<long>("SELECT COUNT(*) FROM WorkspaceCopilotLlms WHERE WorkspaceId = @id", new { id }));
        Assert.Equal(HttpStatusCode.OK, (await Client.CreateWorkspaceAsync(org.Token, new { name = "Sales Analytics", connectionType = "MULTI_DATASOURCE" })).Status);
    }

    [Fact]
    public async Task Delete_UnknownName_AnswersWorkspaceDoesNotExist()
    {
        var org = await Api.CreateOrganizationAsync();
        await Client.CreateWorkspaceAsync(org.Token, new { name = "Sales", connectionType = "MULTI_DATAMART" });

        var response = await Delete(org.Token, "?name=sales");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("WORKSPACE_DOES_NOT_EXIST", response.ErrorCode);
        Assert.Equal(["Sales"], await Client.ListNamesAsync(org.Token));
    }

    [Fact]
    public async Task Delete_AnotherOrganizationsWorkspace_IsNotPossible()
    {
        var owner = await Api.CreateOrganizationAsync();
        var other = await Api.CreateOrganizationAsync();
        await Client.CreateWorkspaceAsync(owner.Token, new { name = "Mine", connectionType = "MULTI_DATAMART" });

        var response = await Delete(other.Token, "?name=Mine");

        Assert.Equal("WORKSPACE_DOES_NOT_EXIST", response.ErrorCode);
        Assert.Equal(["Mine"], await Client.ListNamesAsync(owner.Token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?name=")]
    [InlineData("?name=%20padded")]
    [InlineData("?name=a%07b")]
    public async Task Delete_MissingOrInvalidName_AnswersInvalidRequestBody(string query)
    {
        var org = await Api.CreateOrganizationAsync();

        var response = await Delete(org.Token, query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_REQUEST_BODY", response.ErrorCode);
        Assert.Equal("name", Assert.Single(response.Details).Field);
    }

    [Fact]
    public async Task Delete_WithoutAValidToken_Is401()
    {
        var response = await Delete("wrong", "?name=Sales");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("INVALID_DATA_APP_API_KEY", response.ErrorCode);
    }
}
