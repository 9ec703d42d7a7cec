namespace Databrain.Api.Configuration;

/// <summary>
/// Stops a <c>dotnet run</c> from the source tree that got no launch profile. The .NET SDK answers a
/// <c>--launch-profile</c> name that does not exist with a warning and starts the program without any profile:
/// as Production, on port 5000, which a newcomer who mistyped <c>https</c> does not notice.
/// </summary>
/// <remarks>
/// The signs of that case: the working directory is the project's (it holds <c>Properties/launchSettings.json</c>,
/// which is never published), <c>dotnet run</c> applied no profile (it sets <c>DOTNET_LAUNCH_PROFILE</c> when it
/// does) and nobody chose an environment. A deployed service, a test host and a run with
/// <c>--no-launch-profile</c> plus <c>ASPNETCORE_ENVIRONMENT</c> all miss at least one of them.
/// </remarks>
public static class LaunchProfileCheck
{
    public static string? FindProblem(IConfiguration configuration, string workingDirectory)
    {
        var inProjectFolder = File.Exists(Path.Combine(workingDirectory, "Properties", "launchSettings.json"));
        var noProfile = string.IsNullOrEmpty(configuration["LAUNCH_PROFILE"]);
        var noEnvironment = string.IsNullOrEmpty(configuration[HostDefaults.EnvironmentKey]);
        return inProjectFolder && noProfile && noEnvironment
            ? "dotnet run applied no launch profile (a --launch-profile name that does not exist, or --no-launch-profile), " +
              "so the service would start as Production on port 5000. Use --launch-profile http or https " +
              "(Properties/launchSettings.json), or set ASPNETCORE_ENVIRONMENT to run without a profile."
            : null;
    }
}
