using System.Data.Common;
using Databrain.Api.Http;
using Databrain.Api.Observability;
using Databrain.Application.Catalog.ApplySeed;
using Databrain.Infrastructure.Persistence;

using static Databrain.Api.Admin.AdminCommand;

namespace Databrain.Api.Admin;

/// <summary>
/// <c>migrate</c>, <c>seed &lt;file.json&gt;</c> and the <c>token</c> commands (<see cref="TokenCommands"/>)
/// (README.md, "Admin commands"). Exit code 0 on success; otherwise one line on stderr and a non-zero code.
/// </summary>
public static class AdminCommandLine
{
    private static readonly string[] Commands = ["migrate", "seed", "token", "help", "version"];

    /// <summary>
    /// Whether the arguments ask for an admin command rather than the service: a first argument that is a word (not
    /// an option such as <c>--urls</c>, nor a setting such as <c>urls=…</c>), or the help and version options. An
    /// unknown word is a command too, so that a typo is named instead of starting the service.
    /// </summary>
    public static bool IsAdminCommand(IReadOnlyList<string> args) =>
        args is ["--help" or "-h" or "--version", ..] || (args is [var first, ..] && !first.StartsWith('-') && !first.Contains('=', StringComparison.Ordinal));

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            return args switch
            {
                ["help" or "--help" or "-h"] => Help(stdout),
                ["version" or "--version"] => Version(stdout),
                ["migrate"] => Migrate(services, stdout),
                ["seed", var file] => await SeedAsync(services, file, stdout, stderr, cancellationToken),
                ["token", ..] => await TokenCommands.RunAsync(services, [.. args], stdout, stderr, cancellationToken),
                _ => WrongCommand(args, stderr),
            };
        }
        catch (Exception ex) when (ex is DatabaseUnavailableException or DbException or TimeoutException)
        {
            return Fail(stderr, ex.Message);
        }
    }

    private static int Version(TextWriter stdout)
    {
        stdout.WriteLine(ServiceVersion.Value);
        return Ok;
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(UsageText);
        return Ok;
    }

    /// <summary>Names what is wrong: the first argument that does not fit the command, or what is missing.</summary>
    private static int WrongCommand(IReadOnlyList<string> args, TextWriter stderr) => WrongArguments(
        args switch
        {
            ["seed"] => "seed needs a file: seed <file.json>",
            [var command, ..] when !Commands.Contains(command) => $"unknown command '{command}'",
            [var command, ..] => $"unexpected argument '{args[Expected(command)]}' after '{string.Join(' ', args.Take(Expected(command)))}'",
            _ => "no command",
        },
        stderr);

    /// <summary>How many arguments each command takes, itself included.</summary>
    /// <summary>
    /// A relative path, taken from where the command was typed. <c>dotnet run --project src/Databrain.Api</c> runs the
    /// program in the project's folder, not in the shell's; the shell's is in <c>PWD</c>, which the SDK passes on
    /// unchanged. Without it (no shell: a container's command, a service manager), the working directory.
    /// </summary>
    internal static string FromWhereTyped(string file, string? shellDirectory = null)
    {
        shellDirectory ??= Environment.GetEnvironmentVariable("PWD");
        var from = shellDirectory is { Length: > 0 } && Path.IsPathFullyQualified(shellDirectory) && Directory.Exists(shellDirectory)
            ? shellDirectory
            : Environment.CurrentDirectory;
        return Path.GetFullPath(file, from);
    }

    private static int Expected(string command) => command == "seed" ? 2 : 1;

    private static int Migrate(IServiceProvider services, TextWriter stdout)
    {
        var applied = services.GetRequiredService<DatabaseMigrator>().Migrate();
        stdout.WriteLine(applied.Count == 0 ? "Database schema is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
        return Ok;
    }

    private static async Task<int> SeedAsync(IServiceProvider services, string file, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var path = FromWhereTyped(file);
        if (!File.Exists(path))
        {
            return Fail(stderr, $"seed file '{file}' does not exist (looked for {path})");
        }

        var command = StrictJsonReader.Read<ApplySeedCommand>(await File.ReadAllBytesAsync(path, cancellationToken), Path.GetFileName(path));
        if (!command.IsSuccess)
        {
            return Fail(stderr, $"{file}: {Describe(command.Error)}");
        }

        services.GetRequiredService<DatabaseMigrator>().Migrate();
        var result = await SendAsync(services, command.Value, cancellationToken);
        if (!result.IsSuccess)
        {
            return Fail(stderr, $"{file}: {Describe(result.Error)}");
        }

        var added = result.Value;
        stdout.WriteLine($"Seed applied: added {added.Organizations} organization(s), {added.ServiceTokens} service token(s), {added.CatalogEntries} catalog entries.");
        return Ok;
    }
}
