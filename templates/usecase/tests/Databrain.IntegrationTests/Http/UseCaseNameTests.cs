using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

/// <summary>UseCaseName over HTTP, on every provider (docs/adding-a-command.md, step 7).</summary>
public abstract class UseCaseNameTests(ApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task TheEndpoint_AnswersItsFirstCase_IsNotWrittenYet()
    {
        var org = await Api.CreateOrganizationAsync();

        Assert.Fail($"Send the first request to the new endpoint with {nameof(Client)} and org.Token ({org.Token.Length} characters), then assert its status and envelope.");
    }
}

public sealed class UseCaseNameOnSqlite(SqliteApi api) : UseCaseNameTests(api);

public sealed class UseCaseNameOnPostgreSql(PostgreSqlApi api) : UseCaseNameTests(api);

public sealed class UseCaseNameOnSqlServer(SqlServerApi api) : UseCaseNameTests(api);
