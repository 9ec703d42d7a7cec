using System.Net;
using Databrain.Infrastructure.Persistence;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

/// <summary>
/// A failure injected between the workspace insert and its Copilot LLM links (a database trigger that
/// rejects the link of one LLM) leaves nothing stored: the two writes share one transaction.
/// </summary>
public abstract class AtomicWriteTests(ApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task FailureBetweenWorkspaceAndLinks_LeavesNothingStored_AndAnswers500()
    {
        var org = await Api.CreateOrganizationAsync(seed => seed with { Llms = ["healthy-llm", "poisoned-llm"] });
        var poisoned = (await Api.QueryAsync<long>(
            "SELECT l.Id FROM Llms l JOIN Organizations o ON o.Id = l.OrganizationId WHERE o.Name = @Name AND l.Name = 'poisoned-llm'", new { org.Name })).Single();
        var trigger = $"fail_links_{poisoned}";
        await Api.ExecuteAsync(Api.Database.Provider switch
        {
            DatabaseProvider.Sqlite => $"CREATE TRIGGER {trigger} BEFORE INSERT ON WorkspaceCopilotLlms WHEN NEW.LlmId = {poisoned} BEGIN SELECT RAISE(ABORT, 'injected fault'); END;",
            DatabaseProvider.SqlServer => $"CREATE TRIGGER dbo.{trigger} ON dbo.WorkspaceCopilotLlms AFTER INSERT AS IF EXISTS (SELECT 1 FROM inserted WHERE LlmId = {poisoned}) THROW 50000, 'injected fault', 1;",
            _ => $"""
                CREATE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.LlmId = {poisoned} THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER {trigger} BEFORE INSERT ON WorkspaceCopilotLlms FOR EACH ROW EXECUTE FUNCTION {trigger}();
                """,
        });
        try
        {
            var failed = await Client.CreateWorkspaceAsync(org.Token, new { name = "Half", connectionType = "MULTI_DATAMART", aiCopilotLlms = new[] { "healthy-llm", "poisoned-llm" } });
            var healthy = await Client.CreateWorkspaceAsync(org.Token, new { name = "Whole", connectionType = "MULTI_DATAMART", aiCopilotLlms = new[] { "healthy-llm" } });

            Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
            Assert.Equal("INTERNAL_SERVER_ERROR", failed.ErrorCode);
            Assert.DoesNotContain("injected", failed.Body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, healthy.Status);
            Assert.Equal(["Whole"], await Client.ListNamesAsync(org.Token));
            Assert.Equal([1L], await Api.QueryAsync<long>(
                "SELECT COUNT(*) FROM WorkspaceCopilotLlms c JOIN Llms l ON l.Id = c.LlmId JOIN Organizations o ON o.Id = l.OrganizationId WHERE o.Name = @Name",
                new { org.Name }));
        }
        finally
        {
            await Api.ExecuteAsync(Api.Database.Provider == DatabaseProvider.PostgreSql
                ? $"DROP TRIGGER {trigger} ON WorkspaceCopilotLlms; DROP FUNCTION {trigger}();"
                : $"DROP TRIGGER {trigger}");
        }
    }
}
