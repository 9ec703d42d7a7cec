using System.Diagnostics;
using Databrain.Api.Configuration;
using Databrain.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;

namespace Databrain.IntegrationTests.Admin;

/// <summary>A <c>dotnet run</c> from the project folder that got no launch profile stops instead of starting as Production.</summary>
public sealed class LaunchProfileCheckTests : IDisposable
{
    private readonly string _projectFolder = Directory.CreateTempSubdirectory("databrain-project-").FullName;

    public LaunchProfileCheckTests()
    {
        Directory.CreateDirectory(Path.Combine(_projectFolder, "Properties"));
        File.WriteAllText(Path.Combine(_projectFolder, "Properties", "launchSettings.json"), "{}");
    }

    public void Dispose() => Directory.Delete(_projectFolder, recursive: true);

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();

    [Fact]
    public void InTheProjectFolder_WithoutProfileOrEnvironment_IsAProblem() =>
        Assert.StartsWith("dotnet run applied no launch profile", LaunchProfileCheck.FindProblem(Settings(), _projectFolder), StringComparison.Ordinal);

    [Theory]
    [InlineData("LAUNCH_PROFILE", "https")] // dotnet run applied a profile (DOTNET_LAUNCH_PROFILE)
    [InlineData("environment", "Production")] // someone chose the environment (ASPNETCORE_ENVIRONMENT, --environment)
    public void InTheProjectFolder_WithAProfileOrAnEnvironment_IsFine(string key, string value) =>
        Assert.Null(LaunchProfileCheck.FindProblem(Settings((key, value)), _projectFolder));

    [Fact]
    public void OutsideAProjectFolder_IsFine() => Assert.Null(LaunchProfileCheck.FindProblem(Settings(), AppContext.BaseDirectory));

    [Fact]
    public async Task TheServiceStartedLikeThat_ExitsWithOneLine()
    {
        var start = ServiceProcess.StartInfo(new Dictionary<string, string>());
        start.WorkingDirectory = _projectFolder;
        foreach (var chosen in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "DOTNET_LAUNCH_PROFILE" })
        {
            start.Environment.Remove(chosen);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(patience.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("error: dotnet run applied no launch profile", (await stderr).Trim(), StringComparison.Ordinal);
        Assert.Empty(await stdout);
    }
}
