using System.Net;
using Dapper;
using Databrain.Api.Observability;
using Databrain.Application.Common.Security;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Admin;

/// <summary>
/// migrate, seed and token create, run as a separate process of the real binary (exit codes, stdout, stderr)
/// on a database of their own, on each provider.
/// </summary>
public abstract class AdminCommandTests(TestDatabase database) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("databrain-admin-").FullName;

    public async ValueTask InitializeAsync()
    {
        await database.InitializeAsync();
        database.SkipIfUnavailable();
    }

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private Task<ServiceProcess.Outcome> Run(params string[] args) => ServiceProcess.RunAsync(database.Provider.ToString(), database.ConnectionString!, args);

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private long Count(string sql)
    {
        using var connection = database.CreateConnection();
        return connection.ExecuteScalar<long>(sql);
    }

    private const string Seed = """
        {
          "organizations": [
            {
              "name": "acme",
              "serviceTokens": ["dbn_live_acme_0123456789abcdef"],
              "datasources": ["postgres-main", "snowflake-dw"],
              "datamarts": ["sales-mart"],
              "llms": ["gpt-4o", "claude-sonnet"],
              "themes": ["dark"]
            }
          ]
        }
        """;

    [Fact]
    public async Task Migrate_AppliesTheSchemaOnce()
    {
        var first = await Run("migrate");
        var second = await Run("migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Applied 5 migration(s)", first.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("Database schema is up to date.", second.StandardOutput.Trim());
    }

    [Fact]
    public async Task Seed_AppliesTheContractsExample_Idempotently_StoringOnlyTokenHashes()
    {
        var file = WriteFile("seed.json", Seed);

        var first = await Run("seed", file);
        var second = await Run("seed", file);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("Seed applied: added 1 organization(s), 1 service token(s), 6 catalog entries.", first.StandardOutput.Trim());
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("Seed applied: added 0 organization(s), 0 service token(s), 0 catalog entries.", second.StandardOutput.Trim());
        Assert.Equal(1, Count($"SELECT COUNT(*) FROM ServiceTokens WHERE TokenHash = '{ServiceTokenHash.Of("dbn_live_acme_0123456789abcdef")}'"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM ServiceTokens WHERE TokenHash LIKE '%acme%'"));
    }

    public static TheoryData<string, string> InvalidSeeds => new()
    {
        { """{"organizations":[{"name":"ok","llms":["gpt-4o"]},{"name":" padded"}]}""", "error: {file}: organizations[1].name must not start or end with white space" },
        { """{"organizations":[{"name":"ok","datasource":["x"]}]}""", "error: {file}: organizations[0].datasource is not a known property" },
        { """{"organizations":[{"name":"ok","llms":"gpt-4o"}]}""", "error: {file}: organizations[0].llms must be an array of strings" },
        { """{"orgs":[]}""", "error: {file}: orgs is not a known property" },
        { "not json", "error: {file}: seed.json is not valid JSON: " },
    };

    [Theory]
    [MemberData(nameof(InvalidSeeds))]
    public async Task Seed_InvalidFile_FailsWithOneLineNamingTheProblem_AndAppliesNothing(string content, string expectedError)
    {
        var file = WriteFile("seed.json", content);
        await Run("migrate");

        var outcome = await Run("seed", file);

        Assert.Equal(1, outcome.ExitCode);
        var error = Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expectedError.Replace("{file}", file, StringComparison.Ordinal), error, StringComparison.Ordinal);
        Assert.Empty(outcome.StandardOutput);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM Organizations"));
    }

    [Fact]
    public async Task Seed_TokenOfAnotherOrganization_FailsAndAppliesNothing()
    {
        await Run("seed", WriteFile("first.json", Seed));
        var conflicting = WriteFile("second.json", """
            {"organizations":[{"name":"zeta","llms":["x"]},{"name":"beta","serviceTokens":["dbn_live_acme_0123456789abcdef"]}]}
            """);

        var outcome = await Run("seed", conflicting);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal($"error: {conflicting}: A service token listed for organization 'beta' is already issued to another organization.", outcome.StandardError.Trim());
        Assert.Equal(1, Count("SELECT COUNT(*) FROM Organizations"));
    }

    [Fact]
    public async Task Seed_MissingFile_Fails()
    {
        var outcome = await Run("seed", "/nonexistent/seed.json");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("error: seed file '/nonexistent/seed.json' does not exist (looked for /nonexistent/seed.json)", outcome.StandardError.Trim());
    }

    [Fact]
    public async Task TokenCreate_PrintsOnlyTheToken_WhichThenAuthenticates()
    {
        await Run("seed", WriteFile("seed.json", Seed));

        var outcome = await Run("token", "create", "--organization", "acme");

        Assert.Equal(0, outcome.ExitCode);
        var token = Assert.Single(outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches("^dbn_live_[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(0, Count($"SELECT COUNT(*) FROM ServiceTokens WHERE TokenHash = '{token}'"));
        Assert.Equal(1, Count($"SELECT COUNT(*) FROM ServiceTokens WHERE TokenHash = '{ServiceTokenHash.Of(token)}'"));

        await using var service = new ServiceFactory(database);
        using var client = service.CreateClient();
        var created = await client.CreateWorkspaceAsync(token, new { name = "From CLI token", connectionType = "DATASOURCE", datasourceName = "postgres-main" });
        Assert.Equal(HttpStatusCode.OK, created.Status);
    }

    [Fact]
    public async Task TokenCreate_UnknownOrganization_Fails()
    {
        await Run("migrate");

        var outcome = await Run("token", "create", "--organization", "nobody");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("error: There is no organization named 'nobody'.", outcome.StandardError.Trim());
        Assert.Empty(outcome.StandardOutput);
    }
}

public sealed class AdminCommandOnSqlite() : AdminCommandTests(new SqliteTestDatabase());

public sealed class AdminCommandOnPostgreSql() : AdminCommandTests(new PostgreSqlTestDatabase());
