using System.Globalization;
using Databrain.Application.Catalog.IssueServiceToken;
using Databrain.Application.Catalog.ListServiceTokens;
using Databrain.Application.Catalog.RevokeServiceToken;
using Databrain.Application.Catalog.RotateServiceToken;
using Databrain.Application.Common.Security;
using Databrain.Infrastructure.Persistence;

namespace Databrain.Api.Admin;

/// <summary>
/// <c>token create | list | revoke | rotate</c> (README.md, "Admin commands"). A new token is printed alone on
/// stdout, so that a script can capture it; what describes it goes to stderr. Times are UTC ISO 8601.
/// </summary>
internal static class TokenCommands
{
    private const string Create = "token create --organization <name> [--label <text>] [--scope read|write] [--expires-in <N>d]";
    private const string List = "token list --organization <name>";
    private const string Revoke = "token revoke <id>";
    private const string Rotate = "token rotate <id> [--grace <N>h] [--expires-in <N>d]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        switch (args)
        {
            case ["token", "create", .. var rest]:
                if (Options(rest, Create, ["--organization", "--label", "--scope", "--expires-in"], out var create) is { } wrong)
                {
                    return AdminCommand.WrongArguments(wrong, stderr);
                }

                if (!create.TryGetValue("--organization", out var organization))
                {
                    return AdminCommand.WrongArguments($"token create needs an organization: {Create}", stderr);
                }

                if (!Count(create, "--expires-in", 'd', out var days, out var problem))
                {
                    return AdminCommand.WrongArguments($"{problem}: {Create}", stderr);
                }

                services.GetRequiredService<DatabaseMigrator>().Migrate();
                var issued = await AdminCommand.SendAsync(
                    services, new IssueServiceTokenCommand(organization, create.GetValueOrDefault("--label"), create.GetValueOrDefault("--scope"), days), cancellationToken);
                return issued.IsSuccess ? Issued(issued.Value, stdout, stderr) : AdminCommand.Fail(stderr, AdminCommand.Describe(issued.Error));

            case ["token", "list", .. var rest]:
                if (Options(rest, List, ["--organization"], out var list) is { } wrongList)
                {
                    return AdminCommand.WrongArguments(wrongList, stderr);
                }

                if (!list.TryGetValue("--organization", out var listed))
                {
                    return AdminCommand.WrongArguments($"token list needs an organization: {List}", stderr);
                }

                return await ListAsync(services, listed, stdout, stderr, cancellationToken);

            case ["token", "revoke", var id]:
                var revoked = await AdminCommand.SendAsync(services, new RevokeServiceTokenCommand(id), cancellationToken);
                if (!revoked.IsSuccess)
                {
                    return AdminCommand.Fail(stderr, AdminCommand.Describe(revoked.Error));
                }

                stdout.WriteLine($"Revoked token {id}: every instance stops taking it within Auth:TokenCacheSeconds.");
                return AdminCommand.Ok;

            case ["token", "rotate", var id, .. var rest] when !id.StartsWith("--", StringComparison.Ordinal):
                if (Options(rest, Rotate, ["--grace", "--expires-in"], out var rotate) is { } wrongRotate)
                {
                    return AdminCommand.WrongArguments(wrongRotate, stderr);
                }

                if (!Count(rotate, "--grace", 'h', out var hours, out var wrongCount) || !Count(rotate, "--expires-in", 'd', out var lifetime, out wrongCount))
                {
                    return AdminCommand.WrongArguments($"{wrongCount}: {Rotate}", stderr);
                }

                var rotated = await AdminCommand.SendAsync(services, new RotateServiceTokenCommand(id, hours, lifetime), cancellationToken);
                if (!rotated.IsSuccess)
                {
                    return AdminCommand.Fail(stderr, AdminCommand.Describe(rotated.Error));
                }

                stderr.WriteLine($"Token {id} ends at {Time(rotated.Value.RotatedEndsAt)}.");
                return Issued(rotated.Value.Successor, stdout, stderr);

            case ["token", "revoke" or "rotate", ..]:
                return AdminCommand.WrongArguments($"token {args[1]} needs a token id: {(args[1] == "revoke" ? Revoke : Rotate)}", stderr);

            case ["token", var verb, ..]:
                return AdminCommand.WrongArguments($"unknown argument '{verb}': token create | list | revoke | rotate", stderr);

            default:
                return AdminCommand.WrongArguments($"token needs a command: {Create}", stderr);
        }
    }

    /// <summary>Options that each take one value; the first one that is unknown, repeated or without its value is the problem.</summary>
    private static string? Options(string[] args, string usage, string[] allowed, out Dictionary<string, string> options)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!allowed.Contains(args[i]) || options.ContainsKey(args[i]))
            {
                return $"unknown argument '{args[i]}': {usage}";
            }

            if (i + 1 == args.Length)
            {
                return $"{args[i]} needs a value: {usage}";
            }

            options[args[i]] = args[i + 1];
        }

        return null;
    }

    /// <summary>An option such as <c>30d</c> or <c>12h</c>: a whole number with its unit; absent is fine (null).</summary>
    private static bool Count(Dictionary<string, string> options, string name, char unit, out int? count, out string? problem)
    {
        count = null;
        problem = null;
        if (!options.TryGetValue(name, out var text))
        {
            return true;
        }

        if (text.Length > 1 && text[^1] == unit && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            count = value;
            return true;
        }

        problem = $"{name} is '{text}'; it must be a whole number followed by '{unit}'";
        return false;
    }

    private static int Issued(IssuedServiceToken token, TextWriter stdout, TextWriter stderr)
    {
        // The token alone on stdout, so that scripts can capture it: TOKEN=$(dotnet run ... -- token create ...).
        stdout.WriteLine(token.Token);
        stderr.WriteLine($"Issued token {token.Id} (label: {token.Label ?? "-"}; scope: {token.Scope.ToWire()}; expires: {Time(token.ExpiresAt)}).");
        return AdminCommand.Ok;
    }

    private static async Task<int> ListAsync(IServiceProvider services, string organization, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var result = await AdminCommand.SendAsync(services, new ListServiceTokensQuery(organization), cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminCommand.Fail(stderr, AdminCommand.Describe(result.Error));
        }

        stdout.WriteLine("id\tlabel\tscope\tcreated\texpires\trevoked");
        foreach (var token in result.Value)
        {
            stdout.WriteLine($"{token.Id}\t{token.Label ?? "-"}\t{token.Scope.ToWire()}\t{Time(token.CreatedAt)}\t{Time(token.ExpiresAt)}\t{Time(token.RevokedAt)}");
        }

        return AdminCommand.Ok;
    }

    /// <summary>UTC ISO 8601 to the second, or <c>-</c>.</summary>
    private static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";
}
