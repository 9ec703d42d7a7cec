using System.Data.Common;
using Databrain.Api.Http;
using Databrain.Application.Catalog.ApplySeed;
using Databrain.Application.Catalog.IssueServiceToken;
using Databrain.Application.Common.Results;
using Databrain.Infrastructure.Persistence;
using MediatR;

namespace Databrain.Api.Admin;

/// <summary>
/// <c>migrate</c>, <c>seed &lt;file.json&gt;</c> and <c>token create --organization &lt;name&gt;</c>
/// (architecture guide, section 7). Exit code 0 on success; otherwise one line on stderr and a non-zero code.
/// </summary>
public static class AdminCommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private const string UsageText =
        "usage: migrate | seed <file.json> | token create --organization <name>";

    public static bool IsAdminCommand(IReadOnlyList<string> args) =>
        args is ["migrate", ..] or ["seed", ..] or ["token", ..];

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return args switch
            {
                ["migrate"] => Migrate(services, stdout),
                ["seed", var file] => await SeedAsync(services, file, stdout, stderr, cancellationToken),
                ["token", "create", "--organization", var organization] => await CreateTokenAsync(services, organization, stdout, stderr, cancellationToken),
                _ => Fail(stderr, UsageText, Usage),
            };
        }
        catch (Exception ex) when (ex is DatabaseUnavailableException or DbException or TimeoutException)
        {
            return Fail(stderr, ex.Message);
        }
    }

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
            return Fail(stderr, $"seed file '{file}' does not exist");
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
