using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Admin;

/// <summary>The admin command line itself (arguments, help, version), run as a separate process of the real binary; no database is touched.</summary>
public sealed class AdminCommandLineTests
{
    private static Task<ServiceProcess.Outcome> Run(params string[] args) =>
        ServiceProcess.RunAsync($"Data Source={Path.Combine(Path.GetTempPath(), "databrain-never-opened.db")}", args);

    [Theory]
    [InlineData("error: token create needs an organization: token create --organization <name>", "token")]
    [InlineData("error: token create needs an organization: token create --organization <name>", "token", "create")]
    [InlineData("error: unknown argument '--org': token create --organization <name>", "token", "create", "--org", "acme")]
    [InlineData("error: unknown argument 'delete': token create --organization <name>", "token", "delete")]
    [InlineData("error: seed needs a file: seed <file.json>", "seed")]
    [InlineData("error: unexpected argument 'now' after 'migrate'", "migrate", "now")]
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
