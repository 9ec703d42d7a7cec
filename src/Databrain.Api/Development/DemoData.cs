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
    public static async Task SeedIfEmptyAsync(WebApplication app)
    {
        var path = Path.Combine(app.Environment.ContentRootPath, "Development", "demo-seed.json");
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoData));
        var seed = StrictJsonReader.Read<ApplySeedCommand>(await File.ReadAllBytesAsync(path), Path.GetFileName(path));
        if (!seed.IsSuccess)
        {
            throw new InvalidOperationException($"{path}: {seed.Error.Message}");
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            if (!await scope.ServiceProvider.GetRequiredService<ICatalogStore>().HasOrganizationsAsync(CancellationToken.None))
            {
                var applied = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(seed.Value);
                if (!applied.IsSuccess)
                {
                    throw new InvalidOperationException($"{path}: {applied.Error.Message}");
                }

                logger.LogInformation("Empty database: seeded the demo organization from {SeedFile}", path);
            }
        }

        var token = seed.Value.Organizations![0]!.ServiceTokens![0];
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? "http://localhost:5080";
            logger.LogInformation(
                "Demo token (Development only): try{NewLine}curl -s -X POST {Address}/api/v2/workspace -H 'Authorization: Bearer {Token}' -H 'Content-Type: application/json' -d '{{\"name\":\"My First Workspace\",\"connectionType\":\"DATASOURCE\",\"datasourceName\":\"postgres-main\"}}'",
                Environment.NewLine,
                address,
                token);
        });
    }
}
