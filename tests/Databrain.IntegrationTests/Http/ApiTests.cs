using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

/// <summary>
/// Base of the HTTP test classes: written once, run once per provider by the small classes in
/// <c>Providers.cs</c>, and skipped with the reason where that provider's database is not available.
/// </summary>
public abstract class ApiTests(ApiFixture api) : IAsyncLifetime
{
    protected ApiFixture Api { get; } = api;

    protected HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Api.SkipIfUnavailable();
        Client = Api.CreateClient();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Client?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
