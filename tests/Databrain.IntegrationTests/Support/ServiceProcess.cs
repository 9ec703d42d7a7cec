using System.Diagnostics;

namespace Databrain.IntegrationTests.Support;

/// <summary>Runs the real service binary, as an operator would: admin commands, or the service itself.</summary>
public static class ServiceProcess
{
    /// <summary>The built service binary with the given arguments and environment, run from its own folder.</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var apiDll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(apiDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError);

    public static Task<Outcome> RunAsync(string connectionString, params string[] args) => RunAsync("Sqlite", connectionString, args);

    public static Task<Outcome> RunAsync(string provider, string connectionString, params string[] args) =>
        RunAsync(provider, connectionString, new Dictionary<string, string>(), args);

    /// <param name="environment">Variables beside the database's, or instead of them.</param>
    public static async Task<Outcome> RunAsync(string provider, string connectionString, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var variables = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Databrain"] = connectionString,
            ["Database__Provider"] = provider,
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in environment)
        {
            variables[key] = value;
        }

        var start = StartInfo(variables, args);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}
