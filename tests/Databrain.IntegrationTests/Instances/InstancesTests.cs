using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Instances;

/// <summary>
/// Base of a test class on a fixture's instances: one client per instance (<see cref="Instance"/> picks them
/// round-robin), and the cases skipped, with the reason, where the fixture's database cannot be had.
/// </summary>
public abstract class InstancesTests<TDatabase>(SeveralInstances<TDatabase> service) : IAsyncLifetime
    where TDatabase : TestDatabase, new()
{
    private HttpClient[] _clients = [];

    protected SeveralInstances<TDatabase> Service { get; } = service;

    protected IReadOnlyList<HttpClient> Clients => _clients;

    public ValueTask InitializeAsync()
    {
        Service.Database.SkipIfUnavailable();
        _clients = Service.Instances.Select(i => new HttpClient { BaseAddress = i.BaseAddress }).ToArray();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>The client of instance <paramref name="i"/> modulo their number.</summary>
    protected HttpClient Instance(int i) => _clients[i % _clients.Length];
}
