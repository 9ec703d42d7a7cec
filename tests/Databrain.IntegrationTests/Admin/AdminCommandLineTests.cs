using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Admin;

/// <summary>The admin command line itself (arguments, help, version), run as a separate process of the real binary; no database is touched.</summary>
public sealed class AdminCommandLineTests
{
    private static Task<ServiceProcess.Outcome> Run(params string[] args) =>
        ServiceProcess.RunAsync($"Data Source={Path.Combine(Path.GetTempPath(), "databrain-never-opened.db")}", args);

    [Theory]
    [InlineData("error: token needs a command: token create --organization <name> [--label <text>] [--scope read|write] [--expires-in <N>d]", "token")]
    [InlineData("error: token create needs an organization: token create --organization <name> [--label <text>] [--scope read|write] [--expires-in <N>d]", "token", "create")]
    [InlineData("error: --organization needs a value: token create --organization <name> [--label <text>] [--scope read|write] [--expires-in <N>d]", "token", "create", "--organization")]
    [InlineData("error: unknown argument '--org': token create --organization <name> [--label <text>] [--scope read|write] [--expires-in <N>d]", "token", "create", "--org", "acme")]
    [InlineData("error: --expires-in is '30'; it must be a whole number followed by 'd': token create --organization <name> [--label <text>] [--scope read|write] [--expires-in <N>d]", "token", "create", "--organization", "acme", "--expires-in", "30")]
    [InlineData("error: unknown argument 'delete': token create | list | revoke | rotate", "token", "delete")]
    [InlineData("error: token list needs an organization: token list --organization <name>", "token", "list")]
    [InlineData("error: token revoke needs a token id: token revoke <id>", "token", "revoke")]
    [InlineData("error: --grace is '2d'; it must be a whole number followed by 'h': token rotate <id> [--grace <N>h] [--expires-in <N>d]", "token", "rotate", "tok_1", "--grace", "2d")]
    [InlineData("error: seed needs a file: seed <file.json>", "seed")]
    [InlineData("error: unexpected argument 'now' after 'migrate'", "migrate", "now")]
    [InlineData("error: unknown command 'frobnicate'", "frobnicate")]
    [InlineData("error: unknown command 'migrat'", "migrat", "now")]
    public async Task WrongArguments_NameWhatIsWrong_PrintUsage_AndExit2(string first, params string[] args)
    {
        var outcome = await Run(args);

        Assert.Equal(2, outcome.ExitCode);
        var lines = outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(first, lines[0].Trim());
        Assert.StartsWith("usage:", lines[1].Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    public async Task Help_PrintsEveryCommand_AndExits0_WithoutStartingTheService(string help)
    {
        var outcome = await Run(help);

        Assert.Equal(0, outcome.ExitCode);
        Assert.All(new[] { "migrate", "seed <file.json>", "token create --organization <name>", "help | --help" }, command =>
            Assert.Contains(command, outcome.StandardOutput, StringComparison.Ordinal));
        Assert.DoesNotContain("Now listening", outcome.StandardOutput + outcome.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("version")]
    public async Task Version_PrintsTheServiceVersion_AndExits0(string version)
    {
        var outcome = await Run(version);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(Databrain.Api.Observability.ServiceVersion.Value, outcome.StandardOutput.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", outcome.StandardOutput.Trim());
    }
}
