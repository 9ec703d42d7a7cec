using Databrain.Api.Http;
using Databrain.Application.Catalog.ApplySeed;
using Databrain.Application.Catalog.Ports;
using MediatR;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Databrain.Api.Development;

/// <summary>
/// Development only: an empty database gets the demo organization of <c>Development/demo-seed.json</c>, and
/// the log shows a ready-to-paste curl with its token. That token is public (it is in the repository), which
/// is why it may be logged; no other token ever is. Production never seeds anything by itself.
/// </summary>
internal static class DemoData
{
    /// <summary>The demo organization's token, which the reference page fills in (Development only).</summary>
    public static string Token(IHostEnvironment environment) => TokenOf(Read(environment).Seed);

    private static string TokenOf(ApplySeedCommand seed) => seed.Organizations![0]!.ServiceTokens![0]!;

    private static (ApplySeedCommand Seed, string Path) Read(IHostEnvironment environment)
    {
        var path = Path.Combine(environment.ContentRootPath, "Development", "demo-seed.json");
        var seed = StrictJsonReader.Read<ApplySeedCommand>(File.ReadAllBytes(path), Path.GetFileName(path));
        return seed.IsSuccess ? (seed.Value!, path) : throw new InvalidOperationException($"{path}: {seed.Error.Message}");
    }

    public static async Task SeedIfEmptyAsync(WebApplication app)
    {
        var (seed, path) = Read(app.Environment);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoData));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            if (!await scope.ServiceProvider.GetRequiredService<ICatalogStore>().HasOrganizationsAsync(CancellationToken.None))
            {
                var applied = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(seed);
                if (!applied.IsSuccess)
                {
                    throw new InvalidOperationException($"{path}: {applied.Error.Message}");
                }

                logger.LogInformation("Empty database: seeded the demo organization from {SeedFile}", path);
            }
        }

        var token = TokenOf(seed);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? "http://localhost:5080";
            logger.LogInformation("Demo token (Development only): try{NewLine}{Curl}", Environment.NewLine, TryCurl(address, token));
        });
    }

    /// <summary>
    /// The first create to paste into a shell. Over https it carries <c>-k</c>: the ASP.NET Core development
    /// certificate is not one curl trusts on Linux, and without it the command (silent, <c>-s</c>) prints nothing.
    /// </summary>
    public static string TryCurl(string address, string token)
    {
        var insecure = address.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? "-k " : string.Empty;
        return $$"""curl -s {{insecure}}-X POST {{address}}/api/v2/workspace -H 'Authorization: Bearer {{token}}' -H 'Content-Type: application/json' -d '{"name":"My First Workspace","connectionType":"DATASOURCE","datasourceName":"postgres-main"}'""";
    }
}
