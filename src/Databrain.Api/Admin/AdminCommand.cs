using Databrain.Application.Common.Results;
using MediatR;

namespace Databrain.Api.Admin;

/// <summary>What every admin command shares: exit codes, the usage, sending through the mediator, one-line errors.</summary>
internal static class AdminCommand
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
          token create --organization <name> [--label <text>] [--scope read|write] [--expires-in <N>d]
                                                issue a service token; prints it alone on stdout
          token list --organization <name>      the organization's tokens: id, label, scope, created, expires, revoked
          token revoke <id>                     revoke a token (every instance stops taking it within Auth:TokenCacheSeconds)
          token rotate <id> [--grace <N>h] [--expires-in <N>d]
                                                issue its successor (printed alone on stdout); the old one ends after
                                                the grace period (default 24h; 0h ends it now)
          help | --help                         print this and exit
          version | --version                   print the service's version and exit
        A relative seed file path is taken from the working directory, which "dotnet run" sets to src/Databrain.Api.
        """;

    /// <summary>The line that names the problem, then the usage; exit code 2.</summary>
    internal static int WrongArguments(string problem, TextWriter stderr)
    {
        stderr.WriteLine($"error: {problem}");
        stderr.WriteLine(UsageText);
        return Usage;
    }

    internal static async Task<TResponse> SendAsync<TResponse>(IServiceProvider services, IRequest<TResponse> request, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    /// <summary>Every problem on one line.</summary>
    internal static string Describe(Error error) =>
        error.Details is { Count: > 0 } details
            ? string.Join("; ", details.Select(d => $"{d.Field} {d.Message}"))
            : error.Message;

    internal static int Fail(TextWriter stderr, string message, int exitCode = Failed)
    {
        stderr.WriteLine($"error: {message.ReplaceLineEndings(" ")}");
        return exitCode;
    }
}
