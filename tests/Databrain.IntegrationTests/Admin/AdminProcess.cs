using System.Diagnostics;

namespace Databrain.IntegrationTests.Admin;

/// <summary>Runs the real service binary with admin arguments, as an operator would, against a given database.</summary>
public static class AdminProcess
{
    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError);

    public static Task<Outcome> RunAsync(string connectionString, params string[] args) => RunAsync("Sqlite", connectionString, args);

    public static async Task<Outcome> RunAsync(string provider, string connectionString, params string[] args)
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

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Databrain"] = connectionString;
        start.Environment["Database__Provider"] = provider;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}
