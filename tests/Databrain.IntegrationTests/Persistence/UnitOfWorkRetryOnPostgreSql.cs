using System.Net;
using Databrain.IntegrationTests.Http;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Persistence;

/// <summary>
/// A unit of work that the server ended with nothing committed runs again; one whose outcome is unknown does not
/// (docs/adr/0015-postgresql-third-provider.md). The server's own errors are injected by a trigger on the Copilot links
/// of one LLM of the test's organization, which raises the SQLSTATE of a deadlock victim (40P01) or of a cancelled
/// statement (57014, what a command timeout gives) for its first calls, counted in a sequence (not transactional,
/// so it counts the attempts that were rolled back too). PostgreSQL alone: SQL Server cannot raise error 1205 on demand.
/// </summary>
public sealed class UnitOfWorkRetryOnPostgreSql(PostgreSqlApi api) : ApiTests(api)
{
    private sealed record Fault(string Name, TestOrganization Org) : IAsyncDisposable
    {
        public required ApiFixture Api { get; init; }

        public async Task<long> AttemptsAsync() => (await Api.QueryAsync<long>($"SELECT last_value FROM {Name}_calls")).Single();

        public async ValueTask DisposeAsync() =>
            await Api.ExecuteAsync($"DROP TRIGGER {Name} ON WorkspaceCopilotLlms; DROP FUNCTION {Name}(); DROP SEQUENCE {Name}_calls;");
    }

    /// <summary>The first <paramref name="failures"/> links to the LLM "faulty" of a new organization fail with <paramref name="sqlState"/>.</summary>
    private async Task<Fault> InjectAsync(string sqlState, int failures)
    {
        var org = await Api.CreateOrganizationAsync(seed => seed with { Llms = ["faulty"] });
        var llm = (await Api.QueryAsync<long>(
            "SELECT l.Id FROM Llms l JOIN Organizations o ON o.Id = l.OrganizationId WHERE o.Name = @Name", new { org.Name })).Single();
        var name = $"fault_{llm}";
        await Api.ExecuteAsync($"""
            CREATE SEQUENCE {name}_calls;
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.LlmId = {llm} THEN
                    IF nextval('{name}_calls') <= {failures} THEN
                        RAISE EXCEPTION 'injected fault' USING ERRCODE = '{sqlState}';
                    END IF;
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER {name} BEFORE INSERT ON WorkspaceCopilotLlms FOR EACH ROW EXECUTE FUNCTION {name}();
            """);
        return new Fault(name, org) { Api = Api };
    }

    private Task<ApiResponse> CreateAsync(Fault fault, string? key = null) => Client.SendAsync(
        HttpMethod.Post,
        fault.Org.Token,
        body: new { name = "W", connectionType = "MULTI_DATAMART", aiCopilotLlms = new[] { "faulty" } },
        headers: key is null ? [] : [("Idempotency-Key", key)]);

    private async Task<long> LinksAsync(Fault fault) => (await Api.QueryAsync<long>(
        "SELECT COUNT(*) FROM WorkspaceCopilotLlms c JOIN Workspaces w ON w.Id = c.WorkspaceId JOIN Organizations o ON o.Id = w.OrganizationId WHERE o.Name = @Name",
        new { fault.Org.Name })).Single();

    [Fact]
    public async Task ADeadlockVictim_IsRunAgain_AndTheWorkspaceIsStoredOnce()
    {
        await using var fault = await InjectAsync("40P01", failures: 1);

        var created = await CreateAsync(fault);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(2, await fault.AttemptsAsync());
        Assert.Equal(["W"], await Client.ListNamesAsync(fault.Org.Token));
        Assert.Equal(1, await LinksAsync(fault));
    }

    [Fact]
    public async Task AKeyedWriteChosenAsDeadlockVictim_IsRunAgainWhole_WithItsKeyStoredOnce()
    {
        await using var fault = await InjectAsync("40P01", failures: 1);

        var created = await CreateAsync(fault, key: "retried-whole");
        var replayed = await CreateAsync(fault, key: "retried-whole");

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal((HttpStatusCode.OK, "true"), (replayed.Status, replayed.Message.Headers.GetValues("Idempotent-Replayed").Single()));
        Assert.Equal(2, await fault.AttemptsAsync());
        Assert.Equal(1, await LinksAsync(fault));
        Assert.Equal([1L], await Api.QueryAsync<long>(
            "SELECT COUNT(*) FROM IdempotencyKeys k JOIN Organizations o ON o.Id = k.OrganizationId WHERE o.Name = @Name", new { fault.Org.Name }));
    }

    [Fact]
    public async Task ADeadlockVictimEveryTime_IsTriedABoundedNumberOfTimes_ThenAnswers500()
    {
        await using var fault = await InjectAsync("40P01", failures: int.MaxValue);

        var created = await CreateAsync(fault);

        Assert.Equal((HttpStatusCode.InternalServerError, "INTERNAL_SERVER_ERROR"), (created.Status, created.ErrorCode));
        Assert.Equal(3, await fault.AttemptsAsync());
        Assert.Empty(await Client.ListNamesAsync(fault.Org.Token));
    }

    [Fact]
    public async Task ACancelledStatement_IsNeverRunAgain()
    {
        await using var fault = await InjectAsync("57014", failures: 1);

        var created = await CreateAsync(fault);

        Assert.Equal((HttpStatusCode.InternalServerError, "INTERNAL_SERVER_ERROR"), (created.Status, created.ErrorCode));
        Assert.Equal(1, await fault.AttemptsAsync());
        Assert.Empty(await Client.ListNamesAsync(fault.Org.Token));
    }
}
