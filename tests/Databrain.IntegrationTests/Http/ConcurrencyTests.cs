using System.Net;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

public abstract class ConcurrencyTests(ApiFixture api) : ApiTests(api)
{
    private const int Parallel = 64;

    [Fact]
    public async Task ParallelCreatesOfOneName_ExactlyOneSucceeds_TheRestGetNameAlreadyExists()
    {
        var org = await Api.CreateOrganizationAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Task.Run(() =>
            Client.CreateWorkspaceAsync(org.Token, new { name = "Contended", connectionType = "MULTI_DATAMART", aiCopilotLlms = new[] { "gpt-4o" } }))));

        Assert.Single(answers, r => r.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal("WORKSPACE_NAME_ALREADY_EXISTS", r.ErrorCode));
        Assert.Equal(["Contended"], await Client.ListNamesAsync(org.Token));
        Assert.Equal([1L], await Api.QueryAsync<long>(
            "SELECT COUNT(*) FROM WorkspaceCopilotLlms c JOIN Workspaces w ON w.Id = c.WorkspaceId JOIN Organizations o ON o.Id = w.OrganizationId WHERE o.Name = @Name",
            new { org.Name }));
    }

    [Fact]
    public async Task ParallelCreatesOfDistinctNames_AllSucceed_AndAreAllListed()
    {
        var org = await Api.CreateOrganizationAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
            Client.CreateWorkspaceAsync(org.Token, new { name = $"W{i:D2}", connectionType = "MULTI_DATAMART" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(Enumerable.Range(0, Parallel).Select(i => $"W{i:D2}"), (await Client.ListNamesAsync(org.Token)).Order());
    }
}
