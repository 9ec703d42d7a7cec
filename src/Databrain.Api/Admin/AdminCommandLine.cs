using System.Data.Common;
using Databrain.Api.Http;
using Databrain.Api.Observability;
using Databrain.Application.Catalog.ApplySeed;
using Databrain.Application.Catalog.IssueServiceToken;
using Databrain.Application.Common.Results;
using Databrain.Infrastructure.Persistence;
using MediatR;

namespace Databrain.Api.Admin;

/// <summary>
/// <c>migrate</c>, <c>seed &lt;file.json&gt;</c> and <c>token create --organization &lt;name&gt;</c>
/// (README.md, "Admin commands"). Exit code 0 on success; otherwise one line on stderr and a non-zero code.
/// </summary>
public static class AdminCommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    /// <summary>Every command, one a line; printed by <c>--help</c> and, with a wrong argument, after the line that names it.</summary>
    public const string UsageText = """
        usage: dotnet run --project src/Databrain.Api [-- <command>]
          (no command)                          run the service
          migrate                               apply pending database migrations
          seed <file.json>                      migrate, then add what the seed file lists (organizations, tokens, catalog)
          token create --organization <name>    issue a service token; prints it alone on stdout
          help | --help                         print this and exit
          version | --version                   print the service's version and exit
        A relative seed file path is taken from the working directory, which "dotnet run" sets to src/Databrain.Api.
        """;

    public static bool IsAdminCommand(IReadOnlyList<string> args) =>
        args is ["migrate", ..] or ["seed", ..] or ["token", ..] or ["help", ..] or ["--help", ..] or ["-h", ..] or ["version", ..] or ["--version", ..];

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
                ["token", "create", "--organization", var organization] => await CreateTokenAsync(services, organization, stdout, stderr, cancellationToken),
                _ => WrongArguments(args, stderr),
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
    private static int WrongArguments(IReadOnlyList<string> args, TextWriter stderr)
    {
        string problem = args switch
        {
            ["seed"] => "seed needs a file: seed <file.json>",
            ["token"] or ["token", "create"] or ["token", "create", "--organization"] => "token create needs an organization: token create --organization <name>",
            ["token", var verb, ..] when verb != "create" => $"unknown argument '{verb}': token create --organization <name>",
            ["token", "create", var option, ..] when option != "--organization" => $"unknown argument '{option}': token create --organization <name>",
            [var command, ..] => $"unexpected argument '{args[Expected(command)]}' after '{string.Join(' ', args.Take(Expected(command)))}'",
            _ => "no command",
        };
        stderr.WriteLine($"error: {problem}");
        stderr.WriteLine(UsageText);
        return Usage;
    }

    /// <summary>How many arguments each command takes, itself included.</summary>
    private static int Expected(string command) => command switch
    {
        "migrate" or "help" or "--help" or "-h" or "version" or "--version" => 1,
        "seed" => 2,
        _ => 4,
    };

    private static int Migrate(IServiceProvider services, TextWriter stdout)
    {
        var applied = services.GetRequiredService<DatabaseMigrator>().Migrate();
        stdout.WriteLine(applied.Count == 0 ? "Database schema is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
        return Ok;
    }

    private static async Task<int> SeedAsync(IServiceProvider services, string file, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            // The full path: a relative one is taken from the working directory, which "dotnet run" chooses.
            return Fail(stderr, $"seed file '{file}' does not exist (looked for {Path.GetFullPath(file)})");
        }

        var command = StrictJsonReader.Read<ApplySeedCommand>(await File.ReadAllBytesAsync(file, cancellationToken), Path.GetFileName(file));
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

    private static async Task<int> CreateTokenAsync(IServiceProvider services, string organization, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        services.GetRequiredService<DatabaseMigrator>().Migrate();
        var result = await SendAsync(services, new IssueServiceTokenCommand(organization), cancellationToken);
        if (!result.IsSuccess)
        {
            return Fail(stderr, Describe(result.Error));
        }

        // The token alone, so that scripts can capture it: TOKEN=$(dotnet run ... -- token create ...).
        stdout.WriteLine(result.Value.Token);
        return Ok;
    }

    private static async Task<TResponse> SendAsync<TResponse>(IServiceProvider services, IRequest<TResponse> request, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    /// <summary>Every problem on one line.</summary>
    private static string Describe(Error error) =>
        error.Details is { Count: > 0 } details
            ? string.Join("; ", details.Select(d => $"{d.Field} {d.Message}"))
            : error.Message;

    private static int Fail(TextWriter stderr, string message, int exitCode = Failed)
    {
        stderr.WriteLine($"error: {message.ReplaceLineEndings(" ")}");
        return exitCode;
    }
}
