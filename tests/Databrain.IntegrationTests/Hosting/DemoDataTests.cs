using System.Net;
using Databrain.Api.Development;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Hosting;

/// <summary>The Development demo data: seeded into an empty database only, never outside Development.</summary>
public sealed class DemoDataTests : IAsyncLifetime
{
    private const string DemoToken = "dbn_demo_0123456789abcdef0123456789abcdef";
    private readonly SqliteTestDatabase _database = new();

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private ServiceFactory Start(string environment) => new(_database, environment: environment);

    [Fact]
    public async Task Development_SeedsTheDemoOrganization_AndLogsACurlWithItsToken()
    {
        await using var service = Start("Development");
        using var client = service.CreateClient();

        var created = await client.CreateWorkspaceAsync(DemoToken, new { name = "Sales Analytics", connectionType = "DATASOURCE", datasourceName = "postgres-main" });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Contains(service.Log.Lines, m => m.Contains("curl -s -X POST", StringComparison.Ordinal) && m.Contains($"Bearer {DemoToken}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://localhost:7080", true)]
    [InlineData("HTTPS://localhost:7080", true)]
    [InlineData("http://localhost:5080", false)]
    public void TheLoggedCurl_SkipsTheCertificateCheck_OverHttpsOnly(string address, bool insecure)
    {
        // The https profile's development certificate is not trusted by curl on Linux: without -k the silent
        // command printed nothing at all.
        var curl = DemoData.TryCurl(address, DemoToken);

        Assert.StartsWith(insecure ? $"curl -s -k -X POST {address}/api/v2/workspace " : $"curl -s -X POST {address}/api/v2/workspace ", curl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_SeedsNothing()
    {
        await using var service = Start("Production");
        using var client = service.CreateClient();

        var response = await client.ListWorkspacesAsync(DemoToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.DoesNotContain(service.Log.Lines, m => m.Contains(DemoToken, StringComparison.Ordinal));
    }
}
