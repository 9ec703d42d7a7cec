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

    /// <summary>
    /// What a list promises while creates commit (docs/adr/0015-postgresql-third-provider.md): every workspace whose
    /// create was answered before the list was asked for is in it, each once, in id order ("oldest first" is the
    /// order ids were given). One that commits during the list may or may not be in it. More than one chunk of
    /// workspaces (500), so that the list goes on by keyset while the creates commit.
    /// </summary>
    [Fact]
    public async Task AListReadWhileCreatesCommit_HoldsEveryWorkspaceAnsweredBeforeIt_OnceEach_InIdOrder()
    {
        var org = await Api.CreateOrganizationAsync();
        using var clients = new SemaphoreSlim(16);
        async Task<bool> CreateAsync(string name)
        {
            await clients.WaitAsync();
            try
            {
                return (await Client.CreateWorkspaceAsync(org.Token, new { name, connectionType = "MULTI_DATAMART" })).Status == HttpStatusCode.OK;
            }
            finally
            {
                clients.Release();
            }
        }

        Assert.All(await Task.WhenAll(Enumerable.Range(0, 520).Select(i => CreateAsync($"early-{i:D3}"))), Assert.True);
        var answered = new System.Collections.Concurrent.ConcurrentBag<string>(Enumerable.Range(0, 520).Select(i => $"early-{i:D3}"));
        var creating = Task.WhenAll(Enumerable.Range(0, Parallel).Select(async i =>
        {
            if (await CreateAsync($"late-{i:D2}"))
            {
                answered.Add($"late-{i:D2}");
            }
        }));

        var lists = new List<(string[] AnsweredBefore, IReadOnlyList<string> Listed)>();
        while (!creating.IsCompleted || lists.Count < 3)
        {
            var before = answered.ToArray();
            lists.Add((before, await Client.ListNamesAsync(org.Token)));
        }

        await creating;
        var byId = await Api.QueryAsync<string>(
            "SELECT w.Name FROM Workspaces w JOIN Organizations o ON o.Id = w.OrganizationId WHERE o.Name = @Name ORDER BY w.Id", new { org.Name });
        Assert.Equal(520 + Parallel, byId.Count);
        foreach (var (before, listed) in lists)
        {
            Assert.Equal(listed.Count, listed.Distinct().Count());
            Assert.Empty(before.Except(listed));
            Assert.Equal(byId.Where(listed.Contains), listed);
        }
    }
}
