using System.Net;
using Dapper;
using Databrain.Application.Common.Security;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Admin;

/// <summary>
/// migrate, seed and token create, run as a separate process of the real binary (exit codes, stdout, stderr)
/// on a database of their own, on each provider.
/// </summary>
public abstract class AdminCommandTests(TestDatabase database) : OwnDatabaseTests(database)
{
    private readonly string _folder = Directory.CreateTempSubdirectory("databrain-admin-").FullName;

    protected override ValueTask DisposeOwnAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private Task<ServiceProcess.Outcome> Run(params string[] args) => ServiceProcess.RunAsync(Database.Provider.ToString(), Database.ConnectionString!, args);

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private long Count(string sql)
    {
        using var connection = Database.CreateConnection();
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
    public async Task Seed_TakesARelativePath_FromWhereTheCommandWasTyped()
    {
        WriteFile("typed-here.json", Seed);

        // As `dotnet run --project src/Databrain.Api -- seed typed-here.json` runs it: in another folder (here the
        // binary's), with the shell's folder in PWD.
        var outcome = await ServiceProcess.RunAsync(
            Database.Provider.ToString(), Database.ConnectionString!, new Dictionary<string, string> { ["PWD"] = _folder }, "seed", "typed-here.json");

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Equal(1, Count("SELECT COUNT(*) FROM Organizations WHERE Name = 'acme'"));
    }

    [Fact]
    public async Task Migrate_AppliesTheSchemaOnce()
    {
        var first = await Run("migrate");
        var second = await Run("migrate");

        Assert.Equal(0, first.ExitCode);
        var scripts = typeof(Databrain.Infrastructure.Persistence.DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Count(n => n.Contains($".Migrations.{Database.Provider}.", StringComparison.Ordinal));
        Assert.Contains($"Applied {scripts} migration(s)", first.StandardOutput, StringComparison.Ordinal);
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

        await using var service = new ServiceFactory(Database);
        using var client = service.CreateClient();
        var created = await client.CreateWorkspaceAsync(token, new { name = "From CLI token", connectionType = "DATASOURCE", datasourceName = "postgres-main" });
        Assert.Equal(HttpStatusCode.OK, created.Status);
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task TokenCreate_WithLabelScopeAndExpiry_IsListed_ThenRevoked_AndNoSecretIsEverShown()
    {
        await Run("seed", WriteFile("seed.json", Seed));

        var created = await Run("token", "create", "--organization", "acme", "--label", "ci deploy", "--scope", "read", "--expires-in", "30d");

        Assert.Equal(0, created.ExitCode);
        var token = Assert.Single(Lines(created.StandardOutput));
        var issued = Assert.Single(Lines(created.StandardError), l => l.StartsWith("Issued token", StringComparison.Ordinal));
        var described = System.Text.RegularExpressions.Regex.Match(issued, @"^Issued token (tok_[0-9a-f]{32}) \(label: ci deploy; scope: read; expires: (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)\)\.$");
        Assert.True(described.Success, issued);
        var id = described.Groups[1].Value;
        var expires = DateTimeOffset.Parse(described.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromDays(29), TimeSpan.FromDays(31));

        var listed = await Run("token", "list", "--organization", "acme");
        Assert.Equal(0, listed.ExitCode);
        var lines = Lines(listed.StandardOutput);
        Assert.Equal("id\tlabel\tscope\tcreated\texpires\trevoked", lines[0]);
        Assert.Equal(3, lines.Length); // the seed's token, then this one
        Assert.Matches(@"^tok_[0-9a-f]{32}\t-\twrite\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\t-\t-$", lines[1]);
        Assert.Matches($@"^{id}\tci deploy\tread\t\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ\t{described.Groups[2].Value}\t-$", lines[2]);
        Assert.DoesNotContain(token, listed.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(ServiceTokenHash.Of(token), listed.StandardOutput, StringComparison.Ordinal);

        Assert.Equal(0, (await Run("token", "revoke", id)).ExitCode);
        Assert.Equal(0, (await Run("token", "revoke", id)).ExitCode); // again: no failure
        Assert.Matches(@"\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", Lines((await Run("token", "list", "--organization", "acme")).StandardOutput)[2]);
        var unknown = await Run("token", "revoke", "tok_nope");
        Assert.Equal((1, "error: There is no service token with the id 'tok_nope'."), (unknown.ExitCode, unknown.StandardError.Trim()));
    }

    [Fact]
    public async Task TokenRotate_IssuesASuccessorWithTheSameLabelAndScope_AndTheOldOneEndsAfterTheGrace()
    {
        await Run("seed", WriteFile("seed.json", Seed));
        var first = await Run("token", "create", "--organization", "acme", "--label", "deploy");
        var firstId = System.Text.RegularExpressions.Regex.Match(first.StandardError, "tok_[0-9a-f]{32}").Value;

        var rotated = await Run("token", "rotate", firstId, "--grace", "0h");

        Assert.Equal(0, rotated.ExitCode);
        var successor = Assert.Single(Lines(rotated.StandardOutput));
        Assert.Contains("(label: deploy; scope: write; expires: -)", rotated.StandardError, StringComparison.Ordinal);
        await using (var service = new ServiceFactory(Database))
        {
            using var client = service.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.ListWorkspacesAsync(successor)).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.ListWorkspacesAsync(Assert.Single(Lines(first.StandardOutput)))).Status);
        }

        var again = await Run("token", "rotate", firstId);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("is revoked or has expired", again.StandardError, StringComparison.Ordinal);

        var successorId = System.Text.RegularExpressions.Regex.Match(rotated.StandardError, "Issued token (tok_[0-9a-f]{32})").Groups[1].Value;
        var withGrace = await Run("token", "rotate", successorId);
        var ends = DateTimeOffset.Parse(System.Text.RegularExpressions.Regex.Match(withGrace.StandardError, @$"Token {successorId} ends at (\S+Z)\.").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(ends - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(25)); // the default grace: 24 h
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
